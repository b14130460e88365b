#pragma once
// A headless GL context shared by every test of a GL test program.
#include <gtest/gtest.h>

#include <memory>

#include "gfx/device.h"
#include "platform/headless_context.h"

namespace engine::testing {

class GlEnvironment : public ::testing::Environment {
public:
    void SetUp() override {
        auto context = HeadlessContext::create();
        ASSERT_TRUE(context.ok()) << context.error();
        context_ = std::move(context).value();
        auto device = gfx::loadGl(HeadlessContext::getProcAddress);
        ASSERT_TRUE(device.ok()) << device.error();
    }
    void TearDown() override { context_.reset(); }

private:
    std::unique_ptr<HeadlessContext> context_;
};

}  // namespace engine::testing
