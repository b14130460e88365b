#pragma once
// What the WebAssembly program asks of its page (web/index.html and
// web/twin-tour-page.js): the location's hash and query, a message shown
// over the canvas, the canvas's size, and the signal that the visit is
// ready. Browser only.
#include <string>

namespace twin::web {

std::string locationHash();                        // "#machine=fdm-1" or ""
std::string queryParameter(const std::string& name);  // "" when absent
bool hasQueryParameter(const std::string& name);     // "?still" has it, with no value
// A message over the canvas for the visitor ("" hides it).
void showPageMessage(const std::string& text);
// The page's loading screen: what is being done now.
void showLoadingStage(const std::string& text);
// The first frame with all the content is on screen: the loading screen
// goes, window.twinTourReady becomes true and 'twintour-ready' is fired.
void signalReady();
// Sizes the canvas's drawing buffer to its size on the page times the
// device pixel ratio (at most 4096 a side); true when it changed.
bool followCanvasSize();

}  // namespace twin::web
