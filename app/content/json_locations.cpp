#include "content/json_locations.h"

#include <vector>

namespace twin {

std::string jsonPointerToken(std::string_view name) {
    std::string out;
    for (char c : name) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

namespace {
struct Frame {
    std::string pointer;  // of the container
    bool isObject = false;
    size_t index = 0;     // next array element
    std::string key;      // last object key read
    bool expectKey = true;
};
}  // namespace

JsonLocations::JsonLocations(std::string_view text) {
    int line = 1;
    size_t i = 0;
    std::vector<Frame> stack;

    // Where the next value goes, given the container we are in.
    auto nextPointer = [&]() -> std::string {
        if (stack.empty()) return "";
        Frame& f = stack.back();
        if (f.isObject) return f.pointer + "/" + jsonPointerToken(f.key);
        return f.pointer + "/" + std::to_string(f.index++);
    };
    auto readString = [&]() -> std::string {
        std::string out;
        ++i;  // opening quote
        while (i < text.size() && text[i] != '"') {
            if (text[i] == '\\' && i + 1 < text.size()) {
                char e = text[i + 1];
                out += e == 'n' ? '\n' : e == 't' ? '\t' : e;  // enough to match key names
                i += 2;
                continue;
            }
            if (text[i] == '\n') ++line;
            out += text[i++];
        }
        ++i;  // closing quote
        return out;
    };

    while (i < text.size()) {
        char c = text[i];
        if (c == '\n') {
            ++line;
            ++i;
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\r' || c == ',' ) {
            if (c == ',' && !stack.empty() && stack.back().isObject) stack.back().expectKey = true;
            ++i;
            continue;
        }
        if (c == ':') {
            ++i;
            continue;
        }
        if (c == '}' || c == ']') {
            if (!stack.empty()) stack.pop_back();
            ++i;
            continue;
        }
        if (!stack.empty() && stack.back().isObject && stack.back().expectKey) {
            if (c != '"') return;  // malformed: stop quietly
            stack.back().key = readString();
            stack.back().expectKey = false;
            continue;
        }
        // A value starts here.
        std::string pointer = nextPointer();
        lines_.emplace(pointer, line);
        if (c == '{' || c == '[') {
            Frame frame;
            frame.pointer = pointer;
            frame.isObject = c == '{';
            stack.push_back(frame);
            ++i;
        } else if (c == '"') {
            readString();
        } else {
            while (i < text.size() && text[i] != ',' && text[i] != '}' && text[i] != ']' && text[i] != '\n' &&
                   text[i] != ' ' && text[i] != '\t' && text[i] != '\r')
                ++i;
        }
    }
}

int JsonLocations::line(const std::string& pointer) const {
    std::string p = pointer;
    while (true) {
        auto it = lines_.find(p);
        if (it != lines_.end()) return it->second;
        size_t slash = p.rfind('/');
        if (slash == std::string::npos) return 1;
        p = p.substr(0, slash);
    }
}

}  // namespace twin
