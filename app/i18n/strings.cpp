#include "i18n/strings.h"

#include <array>

namespace twin {
namespace {
struct Entry {
    Text key;
    const char* fr;
    const char* en;
};

// One row per text: both languages side by side, so none goes missing.
constexpr Entry kEntries[] = {
    {Text::AppTitle, "Twin Tour — Mines Saint-Étienne", "Twin Tour — Mines Saint-Étienne"},
    {Text::Loading, "Chargement du modèle…", "Loading the model…"},
    {Text::LoadFailed, "Impossible d'ouvrir", "Cannot open"},
    {Text::Statistics, "Statistiques", "Statistics"},
    {Text::FrameTime, "Temps d'image", "Frame time"},
    {Text::Triangles, "Triangles", "Triangles"},
    {Text::DrawCalls, "Appels de dessin", "Draw calls"},
    {Text::Memory, "Mémoire", "Memory"},
    {Text::GpuMemory, "Mémoire graphique", "GPU memory"},
    {Text::Renderer, "Rendu", "Renderer"},
    {Text::Shadows, "Ombres", "Shadows"},
    {Text::Antialiasing, "Anticrénelage", "Anti-aliasing"},
    {Text::Ground, "Sol", "Ground"},
    {Text::ResetView, "Recadrer la vue", "Reset the view"},
    {Text::Language, "English", "Français"},
    {Text::Help, "Aide", "Help"},
    {Text::HelpText,
     "Glisser : tourner autour · Clic droit ou Maj + glisser : déplacer · Molette : zoomer vers le curseur · "
     "F : tout recadrer · F1 : statistiques",
     "Drag: turn around · Right drag or Shift + drag: pan · Wheel: zoom towards the cursor · "
     "F: frame everything · F1: statistics"},
    {Text::Warnings, "Avertissements", "Warnings"},
    {Text::Close, "Fermer", "Close"},
    {Text::IllustrativeModel, "Maquette illustrative, pas les plans de l'architecte",
     "Illustrative model, not the architect's plans"},
};
}  // namespace

std::string_view tr(Text text, Language language) {
    for (const Entry& e : kEntries)
        if (e.key == text) return language == Language::English ? e.en : e.fr;
    return "?";
}

Language languageFromCode(std::string_view code) { return code == "en" ? Language::English : Language::French; }

}  // namespace twin
