#pragma once
// The conventions both command lines share, on top of CLI11 (kept out of this
// header): options grouped under headings in the help, each option with one
// value checked as it is read, and every mistake reported as one line.
// Internal to twin_cli.
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace twin::cli {

struct CommandLineText {
    std::string usage;        // "twin-tour [SCENE.json | MODEL] [options]"
    std::string description;  // paragraphs between the usage line and the options
    std::string footer;       // paragraphs after the options
    size_t descriptionColumn = 25;
};

class CommandLineParser {
public:
    explicit CommandLineParser(CommandLineText text);
    ~CommandLineParser();
    CommandLineParser(const CommandLineParser&) = delete;
    CommandLineParser& operator=(const CommandLineParser&) = delete;

    // The options added next are listed under this heading in the help.
    void group(const std::string& heading);

    // An option with one value ("--size 320x200" or "--size=320x200"). `apply`
    // stores the value, or returns a one-line reason why it is refused; it runs
    // for every occurrence, in command-line order, so the last one wins.
    // `whenMissing` is the reason given when no value follows the option.
    // `valueName` shows the value's form in the help ("WxH").
    void value(const std::string& names, const std::string& valueName, const std::string& description,
               std::string whenMissing, std::function<std::string(const std::string&)> apply);

    // An option without a value; `apply` runs each time it is given.
    void flag(const std::string& names, const std::string& description, std::function<void()> apply);

    // Arguments that are not options, and every argument after "--", in order.
    void positionals(std::vector<std::string>& out);

    // Reads the arguments after the program name. Returns "" when the command
    // line is good, else one line saying what is wrong (the first mistake met).
    // Never throws.
    std::string parse(const std::vector<std::string>& arguments);

    // The help text: usage, description, each group with its options, footer.
    std::string help() const;

private:
    std::unique_ptr<CLI::App> app_;
    std::string group_;
    std::vector<std::pair<std::string, std::string>> whenMissing_;  // option name -> reason
};

}  // namespace twin::cli
