#pragma once
// Result<T>: a value or an error message (C++20 has no std::expected).
// Errors are plain strings that say what, where and why; callers decide
// whether to show a placeholder, a banner, or stop.
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace engine {

struct Error {
    std::string message;
};

template <typename T>
class Result {
public:
    Result(T value) : data_(std::move(value)) {}
    Result(Error error) : data_(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(data_); }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<T>(data_); }
    const T& value() const& { return std::get<T>(data_); }
    T&& value() && { return std::get<T>(std::move(data_)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }

    const std::string& error() const { return std::get<Error>(data_).message; }

private:
    std::variant<T, Error> data_;
};

// Status: success or an error, for operations without a value.
class Status {
public:
    Status() = default;
    Status(Error error) : error_(std::move(error.message)) {}
    bool ok() const { return !error_.has_value(); }
    explicit operator bool() const { return ok(); }
    const std::string& error() const { return *error_; }

private:
    std::optional<std::string> error_;
};

inline Error makeError(std::string message) { return Error{std::move(message)}; }

}  // namespace engine
