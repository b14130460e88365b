#pragma once
// Reads a command line one argument at a time, an option's value being the
// argument after it: what twin-tour and twin-tour-publish both do.
#include <string>
#include <vector>

namespace twin {

class ArgumentReader {
public:
    explicit ArgumentReader(const std::vector<std::string>& arguments) : arguments_(arguments) {}

    // Moves to the next argument; false when there is none left.
    bool next() { return ++index_ < arguments_.size(); }
    const std::string& current() const { return arguments_[index_]; }
    // Takes the current option's value; false when the command line ends first.
    bool value(std::string& out) {
        if (index_ + 1 >= arguments_.size()) return false;
        out = arguments_[++index_];
        return true;
    }

private:
    const std::vector<std::string>& arguments_;
    size_t index_ = size_t(-1);  // before the first argument
};

}  // namespace twin
