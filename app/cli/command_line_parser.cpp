#include "cli/command_line_parser.h"

// The whole of CLI11: App.hpp alone leaves ConfigBase and the formatter undefined.
#include <CLI/CLI.hpp>

namespace twin::cli {
namespace {

// CLI11's help with the project's layout: the usage line first, then the
// description, each group's options ("-h, --help" spelled with a space) and
// the footer, one blank line between them.
class HelpLayout : public CLI::Formatter {
public:
    explicit HelpLayout(std::string usage) : usage_(std::move(usage)) {}

    std::string make_help(const CLI::App* app, std::string, CLI::AppFormatMode) const override {
        std::string out = "Usage: " + usage_ + "\n\n" + app->get_description();
        for (const std::string& group : app->get_groups()) {
            std::vector<const CLI::Option*> options = app->get_options(
                [&](const CLI::Option* option) { return option->get_group() == group && option->nonpositional(); });
            if (!group.empty() && !options.empty()) out += make_group(group, false, options);
        }
        return out + "\n" + app->get_footer();
    }

    std::string make_option_name(const CLI::Option* option, bool positional) const override {
        std::string names = CLI::Formatter::make_option_name(option, positional);
        for (size_t comma = names.find(','); comma != std::string::npos; comma = names.find(',', comma + 2))
            names.insert(comma + 1, " ");
        return names;
    }

private:
    std::string usage_;
};

std::string oneLine(std::string message) {
    for (char& c : message)
        if (c == '\n') c = ' ';
    return message;
}

}  // namespace

CommandLineParser::CommandLineParser(CommandLineText text) : app_(std::make_unique<CLI::App>()) {
    auto layout = std::make_shared<HelpLayout>(std::move(text.usage));
    layout->column_width(text.descriptionColumn);
    app_->formatter(layout);
    app_->description(std::move(text.description));
    app_->footer(std::move(text.footer));
    // -h/--help is an ordinary flag of ours: a mistake elsewhere on the line
    // still wins over it, and the caller prints help().
    app_->set_help_flag();
    // Unknown options are collected, then reported by parse() in our words.
    app_->allow_extras();
    // A repeated option: the last one wins, as it always has.
    app_->option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
}

CommandLineParser::~CommandLineParser() = default;

void CommandLineParser::group(const std::string& heading) { group_ = heading; }

void CommandLineParser::value(const std::string& names, const std::string& valueName, const std::string& description,
                              std::string whenMissing, std::function<std::string(const std::string&)> apply) {
    CLI::Option* option = app_->add_option_function<std::string>(
        names,
        [apply = std::move(apply)](const std::string& text) {
            if (std::string reason = apply(text); !reason.empty()) throw CLI::ValidationError(reason);
        },
        description);
    option->option_text(valueName)->group(group_)->trigger_on_parse();
    whenMissing_.emplace_back(option->get_name(), std::move(whenMissing));
}

void CommandLineParser::flag(const std::string& names, const std::string& description, std::function<void()> apply) {
    app_->add_flag_callback(names, std::move(apply), description)->group(group_);
}

void CommandLineParser::positionals(std::vector<std::string>& out) {
    // No group: listed in the usage line and the description, not as an option.
    app_->add_option("arguments", out)->group("")->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
}

std::string CommandLineParser::parse(const std::vector<std::string>& arguments) {
    std::vector<std::string> reversed(arguments.rbegin(), arguments.rend());  // what CLI11 expects
    try {
        app_->parse(reversed);
    } catch (const CLI::ArgumentMismatch& error) {
        // CLI11 says "--size: 1 required TEXT missing"; give the option's own reason.
        const std::string message = error.what();
        for (const auto& [name, reason] : whenMissing_)
            if (message.rfind(name + ":", 0) == 0) return reason;
        return oneLine(message);
    } catch (const std::exception& error) {
        // Our own reasons (ValidationError) and CLI11's other parse errors.
        return oneLine(error.what());
    }
    // CLI11 lists the "--" that ends the options among the extras, for callers
    // that pass them on; here it is no mistake.
    for (const std::string& unknown : app_->remaining())
        if (unknown != "--") return "unknown option \"" + unknown + "\" (see --help)";
    return {};
}

std::string CommandLineParser::help() const { return app_->help(); }

}  // namespace twin::cli
