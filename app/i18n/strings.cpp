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
     "F : tout recadrer · F1 : statistiques · Ctrl+Tab, flèches, Espace : les panneaux au clavier",
     "Drag: turn around · Right drag or Shift + drag: pan · Wheel: zoom towards the cursor · "
     "F: frame everything · F1: statistics · Ctrl+Tab, arrows, Space: the panels by keyboard"},
    {Text::Warnings, "Avertissements", "Warnings"},
    {Text::Close, "Fermer", "Close"},
    {Text::IllustrativeModel, "Maquette illustrative, pas les plans de l'architecte",
     "Illustrative model, not the architect's plans"},
    {Text::About, "À propos", "About"},
    {Text::Floors, "Étages", "Floors"},
    {Text::WholeBuilding, "Tout le bâtiment", "Whole building"},
    {Text::GuidedTours, "Visites guidées", "Guided tours"},
    {Text::Play, "Lecture", "Play"},
    {Text::Pause, "Pause", "Pause"},
    {Text::Next, "Suivant", "Next"},
    {Text::Previous, "Précédent", "Previous"},
    {Text::EndTour, "Quitter la visite", "End the tour"},
    {Text::Stop, "Étape", "Stop"},
    {Text::Minutes, "min", "min"},
    {Text::Specifications, "Caractéristiques", "Specifications"},
    {Text::Safety, "Règles de sécurité", "Safety rules"},
    {Text::ProtectiveEquipment, "Équipements de protection", "Protective equipment"},
    {Text::Training, "En formation, vous allez", "In training you will"},
    {Text::Parts, "Organes de la machine", "Parts of the machine"},
    {Text::Platform, "Plateforme", "Platform"},
    {Text::Walk, "Visite à pied", "Walk"},
    {Text::FloorPlan, "Plan de l'étage", "Floor plan"},
    {Text::GoTo, "Aller à…", "Go to…"},
    {Text::Machines, "Machines", "Machines"},
    {Text::ReducedMotion, "Mouvements réduits", "Reduced motion"},
    {Text::YouAreHere, "Vous êtes ici", "You are here"},
    {Text::PlanHelp, "Toucher un point du plan : s'y rendre à pied", "Tap a point of the plan: walk there"},
    {Text::Overview, "Vue d'ensemble", "Overview"},
    {Text::WalkHelp,
     "Flèches ou Z Q S D : marcher · Glisser : regarder · Toucher le sol : y aller · Échap : vue d'ensemble",
     "Arrows or W A S D: walk · Drag: look around · Tap the floor: go there · Esc: overview"},
    {Text::AboutText,
     "Twin (« Technological way for industry ») est le bâtiment que Mines Saint-Étienne consacre à la "
     "modernisation des PME : plateformes de fabrication additive et de transition numérique (industrie 4.0), "
     "formation d'environ 2 000 apprenants par an, accompagnement d'environ 50 entreprises par an et aide aux "
     "créateurs d'entreprise. Ouvert en 2022 près du campus industriel de l'école, 3,4 M€ d'investissement public.\n\n"
     "Le bâtiment, son aménagement et ses machines sont une maquette illustrative fondée sur la description "
     "publique de Twin, pas les plans de l'architecte.",
     "Twin (\"Technological way for industry\") is the building Mines Saint-Étienne dedicates to modernising "
     "small and medium-sized firms: additive manufacturing and digital transition (Industry 4.0) platforms, "
     "training for about 2,000 learners a year, support for about 50 companies a year and help for founders. "
     "Opened in 2022 near the school's industrial campus, with 3.4 M EUR of public investment.\n\n"
     "The building, its layout and its machines are an illustrative model based on the public description of "
     "Twin, not the architect's plans."},
};
}  // namespace

std::string_view tr(Text text, Language language) {
    for (const Entry& e : kEntries)
        if (e.key == text) return language == Language::English ? e.en : e.fr;
    return "?";
}

Language languageFromCode(std::string_view code) { return code == "en" ? Language::English : Language::French; }

}  // namespace twin
