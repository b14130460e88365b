#pragma once
// A GL 3.3 core context with no window and no display (EGL on Mesa's
// surfaceless platform), for screenshots, benchmarks and image tests.
#include <memory>

#include "core/result.h"

namespace engine {

class HeadlessContext {
public:
    // Creates the context and makes it current. Errors say which step failed.
    // `anyVersion` asks for whatever context the driver gives, so that a
    // caller whose 3.3 core request failed can report what there is.
    static Result<std::unique_ptr<HeadlessContext>> create(bool anyVersion = false);
    ~HeadlessContext();
    HeadlessContext(const HeadlessContext&) = delete;
    HeadlessContext& operator=(const HeadlessContext&) = delete;

    static void* getProcAddress(const char* name);

private:
    HeadlessContext() = default;
    void* display_ = nullptr;
    void* context_ = nullptr;
};

}  // namespace engine
