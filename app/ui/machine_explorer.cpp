#include "ui/machine_explorer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include <imgui.h>

#include "ui/touch_buttons.h"

namespace twin {
namespace {

// The horizontal padding of each side of a tab so that tabs with these names
// fill at most `width` (ImGui 1.86: a tab is its name, a padding each side
// and one pixel; tabs are ItemInnerSpacing apart). The style's padding where
// they fit; never under `least`, where ImGui then cuts the names.
float tabSideToFit(const std::vector<std::string>& names, float width, float least) {
    const ImGuiStyle& style = ImGui::GetStyle();
    if (names.empty()) return style.FramePadding.x;
    float fixed = float(names.size() - 1) * style.ItemInnerSpacing.x + float(names.size());
    for (const std::string& name : names) fixed += ImGui::CalcTextSize(name.c_str()).x;
    const float side = (width - fixed) / (2.0f * float(names.size()));
    return std::clamp(side, least, style.FramePadding.x);
}

// The explorer's own words, in both languages.
const LocalizedText kExplore{"Explorer la machine", "Explore the machine"};
const LocalizedText kExplorerTitle{"Explorer", "Explore"};
const LocalizedText kBack{"Retour à la visite", "Back to the visit"};
const LocalizedText kParts{"Pièces", "Parts"};
const LocalizedText kPartsHelp{"Survolez ou touchez une pièce, ici ou sur la machine.",
                               "Hover or tap a part, here or on the machine."};
const LocalizedText kNotInModel{"(absente de la maquette)", "(not in the model)"};
const LocalizedText kExplode{"Vue éclatée", "Exploded view"};
const LocalizedText kSection{"Coupe", "Section"};
const LocalizedText kCycle{"Cycle", "Cycle"};
const LocalizedText kPlayCycle{"Lire", "Play"};
const LocalizedText kPauseCycle{"Pause", "Pause"};
const LocalizedText kNoPart{"Aucune pièce choisie.", "No part selected."};
const LocalizedText kSafety{"Sécurité", "Safety"};
const LocalizedText kSafetyRules{"Règles", "Rules"};
const LocalizedText kEquipment{"Équipements de protection", "Protective equipment"};

const LocalizedText kRole{"Rôle\u202F: ", "Role: "};
const LocalizedText kFlipSection{"Inverser", "Flip"};
const LocalizedText kTraining{"Formations", "Training"};
const LocalizedText kTrainingHelp{"Les modules de formation qui utilisent cette machine.",
                                  "The training modules that use this machine."};
const LocalizedText kNoTraining{"Aucun module de formation ne l'utilise encore.", "No training module uses it yet."};
const LocalizedText kExploreShort{"Explorer", "Explore"};

const LocalizedText kProcedures{"Procédures", "Procedures"};
const LocalizedText kStep{"Étape", "Step"};
const LocalizedText kPrevious{"Précédente", "Previous"};
const LocalizedText kNext{"Suivante", "Next"};
const LocalizedText kCloseProcedure{"Fermer", "Close"};
const LocalizedText kDone{"Procédure terminée", "Procedure done"};

const LocalizedText kQuiz{"Quiz", "Quiz"};
const LocalizedText kQuestion{"Question", "Question"};
const LocalizedText kPointAtPart{"Touchez la pièce sur la machine, ou choisissez-la ici\u00a0:",
                                 "Tap the part on the machine, or choose it here:"};
const LocalizedText kRight{"Bonne réponse\u00a0!", "Right!"};
const LocalizedText kWrong{"Ce n'est pas la bonne réponse.", "Not the right answer."};
const LocalizedText kRightPartWas{"La bonne pièce : ", "The right part: "};
const LocalizedText kNextQuestion{"Question suivante", "Next question"};
const LocalizedText kSeeScore{"Voir mon score", "See my score"};
const LocalizedText kQuizDone{"Quiz terminé", "Quiz finished"};
const LocalizedText kScore{"Score", "Score"};
const LocalizedText kBest{"Meilleur score", "Best score"};
const LocalizedText kAttempt{"essai", "attempt"};
const LocalizedText kAttempts{"essais", "attempts"};
const LocalizedText kStartAgain{"Recommencer", "Start again"};
const LocalizedText kClearResults{"Effacer mes résultats", "Clear my results"};

std::string in(const LocalizedText& text, Language language) { return text.in(language); }

// A number as the language writes it: "1,5" in French, "1.5" in English.
std::string decimal(float value, int digits, Language language) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.*f", digits, double(value));
    std::string text = buffer;
    if (language == Language::French) std::replace(text.begin(), text.end(), '.', ',');
    return text;
}

// The working cycle: play or pause, the speed, and a slider through the
// cycle, each a finger tall.
void buildCycleControls(const ExplorerView& e, Language language, float scale, std::vector<UiCommand>& commands) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float tall = std::max(minimumTouchHeight(), 40.0f * scale);
    ImGui::Spacing();
    const float row = ImGui::GetContentRegionAvail().x;
    const float playWidth = row * 0.34f;
    const float speedWidth = (row - playWidth - 4.0f * style.ItemSpacing.x) / 4.0f;
    const std::string play = in(e.cyclePlaying ? kPauseCycle : kPlayCycle, language) + "##cycleplay";
    if (ImGui::Button(play.c_str(), ImVec2(playWidth, tall))) commands.push_back(command::PlayCycle{!e.cyclePlaying});
    for (float speed : {0.25f, 0.5f, 1.0f, 2.0f}) {
        ImGui::SameLine();
        const bool current = std::abs(e.cycleSpeed - speed) < 1e-3f;
        if (current) ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.0f, 0.55f, 0.54f, 1.0f));
        // Quarter and half as the fraction signs: short in both languages.
        std::string label = speed == 0.25f ? "\u00bc" : speed == 0.5f ? "\u00bd" : decimal(speed, 0, language);
        label += "\u00d7##speed" + std::to_string(int(speed * 100.0f));
        if (ImGui::Button(label.c_str(), ImVec2(speedWidth, tall)) && !current)
            commands.push_back(command::SetCycleSpeed{speed});
        if (current) ImGui::PopStyleColor();
    }
    // The slider's text is written here (no % in it), so French keeps its decimal comma.
    std::string text = in(kCycle, language) + " \u00b7 " + decimal(e.cycleTime, 1, language) + " s / " +
                       decimal(e.cycleDuration, 1, language) + " s";
    std::string format;
    for (char c : text) format += c == '%' ? std::string("%%") : std::string(1, c);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                        ImVec2(style.FramePadding.x, std::max(style.FramePadding.y, (tall - ImGui::GetFontSize()) * 0.5f)));
    ImGui::PushStyleVar(ImGuiStyleVar_GrabMinSize, std::max(style.GrabMinSize, 24.0f * scale));
    ImGui::SetNextItemWidth(-1.0f);
    float time = e.cycleTime;
    if (ImGui::SliderFloat("##cyclescrub", &time, 0.0f, std::max(e.cycleDuration, 0.01f), format.c_str(),
                           ImGuiSliderFlags_AlwaysClamp))
        commands.push_back(command::ScrubCycle{time});
    ImGui::PopStyleVar(2);
}

int shownProcedure_ = -1;  // the procedure the tabs last showed (one explorer panel at a time)
const Machine* shownMachine_ = nullptr;  // the machine whose asked-for tab was brought forward
bool shownQuiz_ = false;   // the session's quiz tab, as the tabs last showed it
bool quizTabPending_ = false;  // asked to come forward: the tab bar shows it a frame later
int frontTab_ = -1;  // the tab in front last frame (0 parts, 1 procedures, 2 safety, 3 training, 4 quiz)
int explorerFrame_ = -1;  // ImGui's frame when the panel was last built: a gap means it opened again
int openingFrames_ = 0;   // frames left before the tab chosen at opening is in front
bool scrollToTabs_ = false;  // another tab came forward last frame: scroll once its layout is known
size_t answeredShown_ = SIZE_MAX;  // the question whose answer the panel last scrolled to
std::string tappedTab_;  // a tab tapped that ImGui did not bring forward: done next frame

// A large answer button, the whole width, its text wrapped: what a finger
// or a learner at arm's length can hit. `fill` and `edge` say its state.
bool answerButton(const std::string& id, const std::string& text, ImVec4 fill, ImVec4 edge, float scale,
                  bool enabled = true) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float width = ImGui::GetContentRegionAvail().x;
    const float padX = 12.0f * scale, padY = 10.0f * scale;
    const ImVec2 textSize = ImGui::CalcTextSize(text.c_str(), nullptr, false, width - 2.0f * padX);
    const ImVec2 size(width, std::max(44.0f * scale, textSize.y + 2.0f * padY));
    const ImVec2 at = ImGui::GetCursorScreenPos();
    bool clicked = ImGui::InvisibleButton(id.c_str(), size) && enabled;
    const bool hovered = enabled && ImGui::IsItemHovered();
    const bool focused = ImGui::IsItemFocused() && ImGui::GetIO().NavVisible;  // moving through by keyboard
    ImDrawList* d = ImGui::GetWindowDrawList();
    ImVec4 f = fill;
    if (hovered) f = ImVec4(std::min(1.0f, f.x + 0.08f), std::min(1.0f, f.y + 0.08f), std::min(1.0f, f.z + 0.08f), f.w);
    d->AddRectFilled(at, ImVec2(at.x + size.x, at.y + size.y), ImGui::GetColorU32(f), style.FrameRounding + 4.0f * scale);
    d->AddRect(at, ImVec2(at.x + size.x, at.y + size.y), ImGui::GetColorU32(focused ? ImVec4(1, 1, 1, 1) : edge),
               style.FrameRounding + 4.0f * scale, 0, std::max(1.0f, (focused ? 3.0f : 2.0f) * scale));
    d->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(at.x + padX, at.y + (size.y - textSize.y) * 0.5f),
               ImGui::GetColorU32(ImGuiCol_Text), text.c_str(), nullptr, width - 2.0f * padX);
    return clicked;
}

// A tick in a green disc, or a cross in a red one, drawn (the font has no such glyphs).
void drawVerdict(bool right, float scale) {
    const float r = 11.0f * scale;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const ImVec2 c(at.x + r, at.y + ImGui::GetTextLineHeight() * 0.5f);
    ImDrawList* d = ImGui::GetWindowDrawList();
    const ImU32 white = IM_COL32(255, 255, 255, 255);
    const float line = std::max(1.5f, 2.2f * scale);
    if (right) {
        d->AddCircleFilled(c, r, IM_COL32(45, 160, 80, 255), 24);
        d->AddLine(ImVec2(c.x - r * 0.45f, c.y + r * 0.02f), ImVec2(c.x - r * 0.1f, c.y + r * 0.38f), white, line);
        d->AddLine(ImVec2(c.x - r * 0.1f, c.y + r * 0.38f), ImVec2(c.x + r * 0.5f, c.y - r * 0.35f), white, line);
    } else {
        d->AddCircleFilled(c, r, IM_COL32(200, 55, 45, 255), 24);
        d->AddLine(ImVec2(c.x - r * 0.38f, c.y - r * 0.38f), ImVec2(c.x + r * 0.38f, c.y + r * 0.38f), white, line);
        d->AddLine(ImVec2(c.x + r * 0.38f, c.y - r * 0.38f), ImVec2(c.x - r * 0.38f, c.y + r * 0.38f), white, line);
    }
    ImGui::Dummy(ImVec2(2.0f * r + 6.0f * scale, ImGui::GetTextLineHeight()));
    ImGui::SameLine();
}

// The quiz tab: one question, its answers, the verdict and its explanation;
// at the end the score, the best one kept, and starting again.
void buildQuiz(const Machine& m, const ExplorerView& e, Language language, float scale, std::vector<UiCommand>& commands) {
    const QuizView& q = e.quiz;
    const ImVec4 green(0.45f, 0.9f, 0.55f, 1.0f), muted = ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled);
    const char* colon = language == Language::French ? "\u00a0: " : ": ";  // French puts a no-break space before
    auto bestLine = [&] {
        if (q.record.attempts <= 0) return;
        const std::string line = in(kBest, language) + colon + std::to_string(q.record.bestScore) + " / " +
                                 std::to_string(q.record.questions) + " · " + std::to_string(q.record.attempts) + " " +
                                 in(q.record.attempts == 1 ? kAttempt : kAttempts, language);
        ImGui::TextColored(muted, "%s", line.c_str());
    };
    if (q.finished || q.question >= m.quiz.size()) {
        ImGui::Spacing();
        ImGui::TextColored(green, "%s", in(kQuizDone, language).c_str());
        const std::string score = in(kScore, language) + colon +
                                  std::to_string(q.score) + " / " + std::to_string(q.count);
        ImGui::SetWindowFontScale(1.4f);
        ImGui::TextUnformatted(score.c_str());
        ImGui::SetWindowFontScale(1.0f);
        bestLine();
        ImGui::Spacing();
        if (answerButton("##startagain", in(kStartAgain, language), ImVec4(0.0f, 0.42f, 0.41f, 1.0f),
                         ImVec4(0.0f, 0.62f, 0.6f, 1.0f), scale))
            commands.push_back(command::RestartQuiz{});
        ImGui::Spacing();
        if (q.record.attempts > 0 && ImGui::SmallButton((in(kClearResults, language) + "##clearquiz").c_str()))
            commands.push_back(command::ResetQuizResults{});
        return;
    }
    const QuizQuestion& question = m.quiz[q.question];
    ImGui::TextColored(green, "%s %zu / %zu", in(kQuestion, language).c_str(), q.question + 1, q.count);
    ImGui::Spacing();
    ImGui::TextWrapped("%s", in(question.prompt, language).c_str());
    ImGui::Spacing();
    const ImVec4 idle(0.16f, 0.22f, 0.3f, 1.0f), idleEdge(0.32f, 0.42f, 0.55f, 1.0f);
    const ImVec4 rightFill(0.12f, 0.42f, 0.2f, 1.0f), rightEdge(0.35f, 0.85f, 0.45f, 1.0f);
    const ImVec4 wrongFill(0.48f, 0.14f, 0.12f, 1.0f), wrongEdge(0.95f, 0.35f, 0.3f, 1.0f);
    const ImVec4 spent(0.14f, 0.16f, 0.2f, 1.0f), spentEdge(0.24f, 0.28f, 0.34f, 1.0f);
    if (question.kind == QuizQuestion::Kind::Choice) {
        for (size_t i = 0; i < question.options.size(); ++i) {
            ImVec4 fill = idle, edge = idleEdge;
            if (q.answered) {
                if (int(i) == question.correct)
                    fill = rightFill, edge = rightEdge;
                else if (int(i) == q.chosenOption)
                    fill = wrongFill, edge = wrongEdge;
                else
                    fill = spent, edge = spentEdge;
            }
            if (answerButton("##answer" + std::to_string(i), in(question.options[i], language), fill, edge, scale,
                             !q.answered))
                commands.push_back(command::AnswerQuiz{int(i)});
            ImGui::Spacing();
        }
    } else {
        if (!q.answered) {
            ImGui::PushStyleColor(ImGuiCol_Text, muted);
            ImGui::TextWrapped("%s", in(kPointAtPart, language).c_str());
            ImGui::PopStyleColor();
        }
        // The parts by name: the same answer for whoever cannot point in 3D.
        for (size_t i = 0; i < m.parts.size(); ++i) {
            const bool right = q.answered && int(i) == q.answerPart;
            const bool wrong = q.answered && !q.correct && int(i) == q.chosenPart;
            if (q.answered && !right && !wrong) continue;
            if (right) ImGui::PushStyleColor(ImGuiCol_Text, green);
            if (wrong) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.45f, 0.4f, 1.0f));
            const std::string label = in(m.parts[i].label, language) + "##quizpart" + std::to_string(i);
            if (ImGui::Selectable(label.c_str(), right || wrong, 0, ImVec2(0.0f, 26.0f * scale)) && !q.answered)
                commands.push_back(command::AnswerQuizPart{int(i)});
            if (right || wrong) ImGui::PopStyleColor();
            if (!q.answered && ImGui::IsItemHovered() && int(i) != e.hoveredPart)
                commands.push_back(command::HoverPart{int(i)});
        }
    }
    if (q.answered) {
        ImGui::Spacing();
        drawVerdict(q.correct, scale);
        ImGui::TextColored(q.correct ? green : ImVec4(1.0f, 0.5f, 0.45f, 1.0f), "%s",
                           in(q.correct ? kRight : kWrong, language).c_str());
        if (question.kind == QuizQuestion::Kind::Part && !q.correct && q.answerPart >= 0)
            ImGui::TextWrapped("%s%s", in(kRightPartWas, language).c_str(),
                               in(m.parts[size_t(q.answerPart)].label, language).c_str());
        if (!question.explanation.fr.empty() || !question.explanation.en.empty())
            ImGui::TextWrapped("%s", in(question.explanation, language).c_str());
        ImGui::Spacing();
        const bool last = q.question + 1 >= q.count;
        if (answerButton("##nextquestion", in(last ? kSeeScore : kNextQuestion, language) + " \u2192",
                         ImVec4(0.0f, 0.42f, 0.41f, 1.0f), ImVec4(0.0f, 0.62f, 0.6f, 1.0f), scale))
            commands.push_back(command::NextQuestion{});
        // A new answer: the verdict, its explanation and the way on come into view.
        if (answeredShown_ != q.question) ImGui::SetScrollHereY(1.0f);
        answeredShown_ = q.question;
    } else {
        answeredShown_ = SIZE_MAX;
    }
    ImGui::Spacing();
    bestLine();
}

LocalizedText pictogramCaption(Pictogram p) {
    switch (p) {
        case Pictogram::Glasses: return {"Lunettes", "Glasses"};
        case Pictogram::Gloves: return {"Gants", "Gloves"};
        case Pictogram::Mask: return {"Masque", "Mask"};
        case Pictogram::Hearing: return {"Casque antibruit", "Hearing"};
        case Pictogram::Shoes: return {"Chaussures", "Safety shoes"};
        case Pictogram::Laser: return {"Laser", "Laser"};
    }
    return {"", ""};
}

// A protective-equipment sign drawn with the draw list: the mandatory signs
// as a blue disc with a white figure, the laser hazard as a yellow triangle.
void drawPictogram(ImDrawList* d, Pictogram p, ImVec2 c, float size) {
    const float r = size * 0.5f;
    const ImU32 white = IM_COL32(255, 255, 255, 255), blue = IM_COL32(0, 92, 170, 255);
    const ImU32 black = IM_COL32(20, 20, 20, 255), yellow = IM_COL32(250, 200, 0, 255);
    auto at = [&](float x, float y) { return ImVec2(c.x + x * r, c.y + y * r); };
    const float line = std::max(1.5f, r * 0.12f);
    if (p == Pictogram::Laser) {
        d->AddTriangleFilled(at(0, -0.95f), at(0.95f, 0.75f), at(-0.95f, 0.75f), yellow);
        d->AddTriangle(at(0, -0.95f), at(0.95f, 0.75f), at(-0.95f, 0.75f), black, line);
        // A starburst (the beam's impact) and the beam coming in.
        const ImVec2 o = at(0.1f, 0.25f);
        d->AddCircleFilled(o, r * 0.12f, black);
        for (int i = 0; i < 8; ++i) {
            float a = float(i) * 3.14159f / 4.0f;
            d->AddLine(ImVec2(o.x + std::cos(a) * r * 0.18f, o.y + std::sin(a) * r * 0.18f),
                       ImVec2(o.x + std::cos(a) * r * 0.36f, o.y + std::sin(a) * r * 0.36f), black, line * 0.7f);
        }
        d->AddLine(at(-0.6f, 0.25f), ImVec2(o.x - r * 0.18f, o.y), black, line);
        return;
    }
    d->AddCircleFilled(c, r, blue, 32);
    d->AddCircle(c, r, white, 32, line * 0.5f);
    switch (p) {
        case Pictogram::Glasses:
            d->AddCircle(at(-0.32f, 0.05f), r * 0.24f, white, 20, line);
            d->AddCircle(at(0.32f, 0.05f), r * 0.24f, white, 20, line);
            d->AddLine(at(-0.1f, 0.0f), at(0.1f, 0.0f), white, line);
            d->AddLine(at(-0.56f, 0.0f), at(-0.72f, -0.18f), white, line);
            d->AddLine(at(0.56f, 0.0f), at(0.72f, -0.18f), white, line);
            break;
        case Pictogram::Gloves:
            d->AddRectFilled(at(-0.32f, -0.05f), at(0.3f, 0.55f), white, r * 0.12f);  // palm and cuff
            for (int i = 0; i < 4; ++i) {
                float x = -0.3f + float(i) * 0.155f;
                d->AddRectFilled(at(x, -0.62f + (i == 0 || i == 3 ? 0.12f : 0.0f)), at(x + 0.12f, 0.0f), white, r * 0.06f);
            }
            d->AddQuadFilled(at(0.3f, 0.05f), at(0.62f, -0.25f), at(0.7f, -0.15f), at(0.3f, 0.3f), white);  // thumb
            d->AddRectFilled(at(-0.36f, 0.55f), at(0.34f, 0.72f), white, r * 0.04f);
            break;
        case Pictogram::Mask:
            d->AddQuadFilled(at(-0.5f, -0.2f), at(0.5f, -0.2f), at(0.32f, 0.45f), at(-0.32f, 0.45f), white);
            d->AddCircleFilled(at(0.0f, -0.22f), r * 0.5f * 0.98f, white, 24);
            d->AddCircleFilled(at(0.0f, 0.12f), r * 0.12f, blue, 16);  // the valve
            d->AddLine(at(-0.5f, -0.1f), at(-0.82f, -0.35f), white, line);  // straps
            d->AddLine(at(0.5f, -0.1f), at(0.82f, -0.35f), white, line);
            break;
        case Pictogram::Hearing:
            d->PathArcTo(at(0, 0.05f), r * 0.55f, 3.14159f, 2.0f * 3.14159f, 20);  // headband
            d->PathStroke(white, 0, line * 1.3f);
            d->AddRectFilled(at(-0.75f, -0.05f), at(-0.4f, 0.5f), white, r * 0.12f);  // ear cups
            d->AddRectFilled(at(0.4f, -0.05f), at(0.75f, 0.5f), white, r * 0.12f);
            break;
        case Pictogram::Shoes: {
            const ImVec2 leg[] = {at(-0.45f, -0.55f), at(-0.05f, -0.55f), at(0.0f, 0.1f), at(-0.45f, 0.1f)};
            d->AddConvexPolyFilled(leg, 4, white);
            const ImVec2 foot[] = {at(-0.45f, 0.05f), at(0.0f, 0.05f), at(0.62f, 0.2f), at(0.66f, 0.48f), at(-0.45f, 0.48f)};
            d->AddConvexPolyFilled(foot, 5, white);
            d->AddLine(at(-0.47f, 0.58f), at(0.68f, 0.58f), white, line);  // the sole
            break;
        }
        case Pictogram::Laser: break;
    }
}

}  // namespace

std::string trainingLength(float hours, Language language) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", double(hours));
    std::string length = text;
    if (language == Language::French) std::replace(length.begin(), length.end(), '.', ',');
    return length + "\u00a0h";
}

void buildTrainingList(const std::vector<const TrainingModule*>& modules, Language language) {
    const LocalizedText prerequisites{"Prérequis\u202F: ", "Prerequisites: "};
    const LocalizedText none{"sans prérequis", "no prerequisites"};
    const std::string separator = language == Language::French ? "\u202F; " : "; ";
    for (const TrainingModule* module : modules) {
        ImGui::Bullet();
        ImGui::TextWrapped("%s", in(module->title, language).c_str());
        std::string line = trainingLength(module->hours, language) + " · ";
        if (module->prerequisites.empty()) {
            line += in(none, language);
        } else {
            line += in(prerequisites, language);
            for (size_t i = 0; i < module->prerequisites.size(); ++i)
                line += (i ? separator : "") + in(module->prerequisites[i], language);
        }
        ImGui::Indent();
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextWrapped("%s", line.c_str());
        ImGui::PopStyleColor();
        ImGui::Unindent();
    }
}

bool buildSmallExploreButton(const std::string& id, Language language) {
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.0f, 0.55f, 0.54f, 1.0f));
    const bool pressed = ImGui::SmallButton((in(kExploreShort, language) + "##" + id).c_str());
    ImGui::PopStyleColor();
    return pressed;
}

void buildExploreButton(const UiView& view, size_t machine, Language language, std::vector<UiCommand>& commands) {
    if (view.explorer.active) return;
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.0f, 0.55f, 0.54f, 1.0f));
    if (ImGui::Button((in(kExplore, language) + "##explore").c_str(), ImVec2(-1.0f, 0.0f)))
        commands.push_back(command::ExploreMachine{machine});
    ImGui::PopStyleColor();
}

void buildMachineExplorer(const UiView& view, Language language, float scale, float top, float bottom,
                          std::vector<UiCommand>& commands) {
    const ExplorerView& e = view.explorer;
    if (!e.active || !e.machine) return;
    const Machine& m = *e.machine;
    ImGuiIO& io = ImGui::GetIO();
    const float pad = 12.0f * scale;
    // Wide enough for its tabs' names in French (visit_explorer.cpp frames the machine beside it).
    const float width = std::min(450.0f * scale, io.DisplaySize.x * 0.36f);  // five tabs, whole in French
    ImGui::SetNextWindowPos(ImVec2(pad, top), ImGuiCond_Always);
    // The whole left column, always: switching tabs never resizes it (an
    // auto-sized panel lags a frame behind its content).
    ImGui::SetNextWindowSize(ImVec2(width, std::max(bottom - top, 100.0f)), ImGuiCond_Always);
    ImGui::SetNextWindowBgAlpha(0.92f);
    const std::string title = in(kExplorerTitle, language) + " · " + in(m.name, language) + "###explorer";
    if (ImGui::Begin(title.c_str(), nullptr,
                     ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoResize |
                         ImGuiWindowFlags_NoSavedSettings)) {
        if (ImGui::Button((std::string("\u2190 ") + in(kBack, language) + "##leave").c_str()))
            commands.push_back(command::LeaveExplorer{});

        // Sliders: what each does and its value, inside the slider (one line each).
        auto slider = [&](const LocalizedText& label, const char* id, float value, auto make) {
            ImGui::Spacing();
            ImGui::SetNextItemWidth(-1.0f);
            std::string format;
            for (char c : in(label, language)) format += c == '%' ? std::string("%%") : std::string(1, c);
            format += " · %.0f %%";
            float percent = value * 100.0f;
            if (ImGui::SliderFloat(id, &percent, 0.0f, 100.0f, format.c_str(), ImGuiSliderFlags_AlwaysClamp))
                commands.push_back(make(percent / 100.0f));
        };
        slider(kExplode, "##explode", e.explode, [](float v) -> UiCommand { return command::SetExplode{v}; });
        // The section slider, and beside it the button that keeps the other side of the cut.
        {
            const std::string flip = in(kFlipSection, language) + "##flipsection";
            const float button = ImGui::CalcTextSize(flip.substr(0, flip.find("##")).c_str()).x +
                                 2.0f * ImGui::GetStyle().FramePadding.x;
            ImGui::Spacing();
            ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - button - ImGui::GetStyle().ItemSpacing.x);
            std::string format;
            for (char c : in(kSection, language)) format += c == '%' ? std::string("%%") : std::string(1, c);
            format += " · %.0f %%";
            float percent = e.section * 100.0f;
            if (ImGui::SliderFloat("##section", &percent, 0.0f, 100.0f, format.c_str(), ImGuiSliderFlags_AlwaysClamp))
                commands.push_back(command::SetSection{percent / 100.0f});
            ImGui::SameLine();
            if (e.sectionFlipped) ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.0f, 0.55f, 0.54f, 1.0f));
            if (ImGui::Button(flip.c_str())) commands.push_back(command::FlipSection{});
            if (e.sectionFlipped) ImGui::PopStyleColor();
        }
        if (e.hasCycle) buildCycleControls(e, language, scale, commands);

        ImGui::Spacing();
        ImGui::Separator();
        // The quiz keeps the panel's height for its question (and gives no hint).
        const bool describePart = !e.quiz.shown;
        if (describePart && e.selectedPart >= 0 && size_t(e.selectedPart) < m.parts.size()) {
            const MachinePart& part = m.parts[size_t(e.selectedPart)];
            ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.72f, 0.3f, 1.0f));
            ImGui::TextWrapped("%s", in(part.label, language).c_str());
            ImGui::PopStyleColor();
            if (!part.description.fr.empty() || !part.description.en.empty())
                ImGui::TextWrapped("%s", in(part.description, language).c_str());
            // Its role in the machine's work, set apart from what it is.
            if (!part.role.fr.empty() || !part.role.en.empty()) {
                ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.55f, 0.85f, 0.8f, 1.0f));
                ImGui::TextWrapped("%s%s", in(kRole, language).c_str(), in(part.role, language).c_str());
                ImGui::PopStyleColor();
            }
        } else if (describePart) {
            ImGui::TextDisabled("%s", in(kNoPart, language).c_str());
        }
        // Parts, procedures and safety as tabs: each has the panel's height.
        ImGui::Spacing();
        // A procedure opened (or its step changed) brings its tab forward once.
        ImGuiTabItemFlags procedureFlags = e.procedure != shownProcedure_ ? ImGuiTabItemFlags_SetSelected : 0;
        shownProcedure_ = e.procedure;
        // A tab asked for from the start, brought forward once per machine.
        ImGuiTabItemFlags partsFlags = 0, safetyFlags = 0, trainingFlags = 0;
        // Opened again (ImGui keeps a tab bar's choice): it starts as new, on
        // the parts or the tab asked for, not where the last learner left it.
        const bool reopened = ImGui::GetFrameCount() != explorerFrame_ + 1;
        explorerFrame_ = ImGui::GetFrameCount();
        if (reopened) {
            ImGui::SetScrollY(0.0f);
            partsFlags = ImGuiTabItemFlags_SetSelected;
            shownQuiz_ = false;
            openingFrames_ = 2;  // a tab bar brings a tab forward a frame later
        }
        const bool sameMachine = shownMachine_ == &m && !reopened;
        if (e.tab && !sameMachine) {
            ImGuiTabItemFlags& flags = *e.tab == ExplorerTab::Parts        ? partsFlags
                                       : *e.tab == ExplorerTab::Procedures ? procedureFlags
                                       : *e.tab == ExplorerTab::Safety     ? safetyFlags
                                                                           : trainingFlags;
            flags |= ImGuiTabItemFlags_SetSelected;
        }
        shownMachine_ = &m;
        // The tabs this machine has, whole: where their names do not fit
        // the panel (French, at a kiosk's scale), their sides shrink first,
        // before ImGui would cut the names ("Procéd...").
        const bool hasSafety = !m.safetyRules.empty() || !m.protectiveEquipment.empty() || !m.pictograms.empty();
        std::vector<std::string> tabNames = {in(kParts, language)};
        if (!m.procedures.empty()) tabNames.push_back(in(kProcedures, language));
        if (hasSafety) tabNames.push_back(in(kSafety, language));
        tabNames.push_back(in(kTraining, language));
        if (!m.quiz.empty()) tabNames.push_back(in(kQuiz, language));
        // Tab sizes read the padding at each BeginTabItem, their names' places
        // the one locked at BeginTabBar: both get it, the tabs' content not.
        const ImVec2 tabPadding(tabSideToFit(tabNames, ImGui::GetContentRegionAvail().x, 2.0f * scale),
                                ImGui::GetStyle().FramePadding.y);
        // ImGui 1.86 does not select a tab pressed while another item was
        // hovered the frame before: a touchscreen seen as a mouse, whose
        // pointer jumps from one tab to the next, needed a second tap. The
        // tap is noted here and its tab brought forward the next frame.
        const std::string tapped = std::exchange(tappedTab_, std::string());
        auto tabItem = [&](const std::string& label, ImGuiTabItemFlags flags) {
            if (label == tapped) flags |= ImGuiTabItemFlags_SetSelected;
            ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, tabPadding);
            const bool open = ImGui::BeginTabItem(label.c_str(), nullptr, flags);
            ImGui::PopStyleVar();
            if (!open && ImGui::IsMouseClicked(ImGuiMouseButton_Left) && ImGui::IsWindowHovered() &&
                ImGui::IsMouseHoveringRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()))
                tappedTab_ = label;
            return open;
        };
        // The quiz brought forward by the session (--quiz, "start again") once.
        const ImGuiTabItemFlags quizFlags = e.quiz.shown && !shownQuiz_ ? ImGuiTabItemFlags_SetSelected : 0;
        if (quizFlags) quizTabPending_ = true;
        shownQuiz_ = e.quiz.shown;
        bool quizVisible = false;
        int front = -1;
        const float tabsTop = ImGui::GetCursorScreenPos().y - ImGui::GetWindowPos().y;  // as drawn now
        ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, tabPadding);
        const bool tabBar = ImGui::BeginTabBar("##explorertabs");
        ImGui::PopStyleVar();
        if (tabBar) {
        if (tabItem(in(kParts, language) + "###parts", partsFlags)) {
        front = 0;
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextWrapped("%s", in(kPartsHelp, language).c_str());
        ImGui::PopStyleColor();
        int hovered = -1;
        for (size_t i = 0; i < m.parts.size(); ++i) {
            const bool found = i < e.partFound.size() && e.partFound[i];
            std::string label = in(m.parts[i].label, language);
            if (!found) label += " " + in(kNotInModel, language);
            label += "##part" + std::to_string(i);
            const bool selected = int(i) == e.selectedPart;
            const bool lit = int(i) == e.hoveredPart;
            if (lit && !selected) ImGui::PushStyleColor(ImGuiCol_Header, ImVec4(1.0f, 1.0f, 1.0f, 0.18f));
            if (!found) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
            if (ImGui::Selectable(label.c_str(), selected || lit))
                commands.push_back(command::SelectPart{selected ? -1 : int(i)});
            if (!found) ImGui::PopStyleColor();
            if (lit && !selected) ImGui::PopStyleColor();
            if (ImGui::IsItemHovered()) hovered = int(i);
        }
        // The tree's hover lights the part in 3D too; leaving the tree hands hover back to the 3D view.
        if (hovered >= 0 && hovered != e.hoveredPart) commands.push_back(command::HoverPart{hovered});
        if (hovered < 0 && ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) && e.hoveredPart >= 0) {
            commands.push_back(command::HoverPart{-1});
        }
            ImGui::EndTabItem();
        }
        // Procedures: one open at a time, its steps ticked one by one.
        if (!m.procedures.empty() &&
            tabItem(in(kProcedures, language) + "###procedures", procedureFlags)) {
            front = 1;
            if (e.procedure < 0 || size_t(e.procedure) >= m.procedures.size()) {
                for (size_t i = 0; i < m.procedures.size(); ++i)
                    if (ImGui::Button((in(m.procedures[i].title, language) + "##procedure" + std::to_string(i)).c_str(),
                                      ImVec2(-1.0f, 0.0f)))
                        commands.push_back(command::OpenProcedure{int(i)});
            } else {
                const Procedure& procedure = m.procedures[size_t(e.procedure)];
                ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.45f, 0.9f, 0.55f, 1.0f));
                ImGui::TextWrapped("%s", in(procedure.title, language).c_str());
                ImGui::PopStyleColor();
                for (size_t i = 0; i < procedure.steps.size(); ++i) {
                    bool done = i < e.ticked.size() && e.ticked[i];
                    ImGui::PushID(int(i));
                    if (ImGui::Checkbox("##tick", &done)) commands.push_back(command::TickStep{int(i), done});
                    ImGui::SameLine();
                    const bool current = int(i) == e.step;
                    const std::string label = std::to_string(i + 1) + ". " + in(procedure.steps[i].text, language);
                    ImGui::PushTextWrapPos(0.0f);
                    if (current) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.45f, 0.9f, 0.55f, 1.0f));
                    ImGui::TextWrapped("%s", label.c_str());
                    if (current) ImGui::PopStyleColor();
                    ImGui::PopTextWrapPos();
                    if (ImGui::IsItemClicked()) commands.push_back(command::GoToStep{int(i)});
                    ImGui::PopID();
                }
                const bool all = !e.ticked.empty() && std::all_of(e.ticked.begin(), e.ticked.end(), [](bool t) { return t; });
                if (all) ImGui::TextColored(ImVec4(0.45f, 0.9f, 0.55f, 1.0f), "\u2713 %s", in(kDone, language).c_str());
                const std::string counter = in(kStep, language) + " " + std::to_string(e.step + 1) + " / " +
                                            std::to_string(procedure.steps.size());
                if (ImGui::Button(("\u2190 " + in(kPrevious, language) + "##prev").c_str()) && e.step > 0)
                    commands.push_back(command::GoToStep{e.step - 1});
                ImGui::SameLine();
                ImGui::TextUnformatted(counter.c_str());
                ImGui::SameLine();
                if (ImGui::Button((in(kNext, language) + " \u2192##next").c_str()) &&
                    size_t(e.step + 1) < procedure.steps.size())
                    commands.push_back(command::GoToStep{e.step + 1});
                if (ImGui::Button((in(kCloseProcedure, language) + "##closeprocedure").c_str()))
                    commands.push_back(command::OpenProcedure{-1});
            }
            ImGui::EndTabItem();
        }
        // Safety, folded: the card's rules and equipment, which the explorer's panel replaces.
        if (hasSafety && tabItem(in(kSafety, language) + "###safety", safetyFlags)) {
            front = 2;
            {
                auto list = [&](const LocalizedText& heading, const std::vector<LocalizedText>& items, ImVec4 colour) {
                    if (items.empty()) return;
                    ImGui::PushStyleColor(ImGuiCol_Text, colour);
                    ImGui::TextUnformatted(in(heading, language).c_str());
                    ImGui::PopStyleColor();
                    for (const LocalizedText& item : items) {
                        ImGui::Bullet();
                        ImGui::TextWrapped("%s", in(item, language).c_str());
                    }
                };
                // The protective equipment as signs, each with its name underneath.
                if (!m.pictograms.empty()) {
                    const float sign = 46.0f * scale;
                    float cell = sign + 16.0f * scale;  // wide enough for the longest caption
                    for (Pictogram p : m.pictograms)
                        cell = std::max(cell, ImGui::CalcTextSize(in(pictogramCaption(p), language).c_str()).x +
                                                  8.0f * scale);
                    ImDrawList* draw = ImGui::GetWindowDrawList();
                    const float columns = std::max(1.0f, std::floor(ImGui::GetContentRegionAvail().x / cell));
                    int i = 0;
                    for (Pictogram p : m.pictograms) {
                        if (i % int(columns) != 0) ImGui::SameLine();
                        ImGui::BeginGroup();
                        ImVec2 origin = ImGui::GetCursorScreenPos();
                        drawPictogram(draw, p, ImVec2(origin.x + cell * 0.5f, origin.y + sign * 0.5f + 2.0f * scale), sign);
                        ImGui::Dummy(ImVec2(cell, sign + 4.0f * scale));
                        const std::string caption = in(pictogramCaption(p), language);
                        const float w = ImGui::CalcTextSize(caption.c_str()).x;
                        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, (cell - w) * 0.5f));
                        ImGui::TextUnformatted(caption.c_str());
                        ImGui::EndGroup();
                        ++i;
                    }
                }
                list(kSafetyRules, m.safetyRules, ImVec4(1.0f, 0.75f, 0.3f, 1.0f));
                list(kEquipment, m.protectiveEquipment, ImVec4(0.55f, 0.8f, 1.0f, 1.0f));
            }
            ImGui::EndTabItem();
        }
        if (tabItem(in(kTraining, language) + "###training", trainingFlags)) {
            front = 3;
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
            ImGui::TextWrapped("%s", in(e.training.empty() ? kNoTraining : kTrainingHelp, language).c_str());
            ImGui::PopStyleColor();
            buildTrainingList(e.training, language);
            ImGui::EndTabItem();
        }
        if (!m.quiz.empty() && tabItem(in(kQuiz, language) + "###quiz", quizFlags)) {
            front = 4;
            quizVisible = true;
            quizTabPending_ = false;
            buildQuiz(m, e, language, scale, commands);
            ImGui::EndTabItem();
        }
            ImGui::EndTabBar();
        }
        // Another tab in front while the tabs lie in the panel's lower half:
        // scroll them to its top, or a tab tapped at the bottom of the panel
        // seems to do nothing (the kiosk's large text). A frame later, when
        // what the tab changes above it (the quiz hides the part's
        // description) is laid out.
        if (std::exchange(scrollToTabs_, false) && tabsTop > ImGui::GetWindowHeight() * 0.5f)
            ImGui::SetScrollFromPosY(tabsTop - ImGui::GetStyle().ItemSpacing.y, 0.0f);
        if (openingFrames_ > 0)
            --openingFrames_;
        else if (sameMachine && front >= 0 && frontTab_ >= 0 && front != frontTab_)
            scrollToTabs_ = true;
        frontTab_ = front;
        // The session learns which tab is in front: a part question takes the
        // 3D taps only while the quiz is shown.
        if (quizVisible != e.quiz.shown && !(quizTabPending_ && e.quiz.shown)) {
            commands.push_back(command::ShowQuiz{quizVisible});
            shownQuiz_ = quizVisible;
        }
    }
    ImGui::End();
}

}  // namespace twin
