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
     "F : tout recadrer · F1 : statistiques · Tab, flèches, Entrée : les panneaux au clavier",
     "Drag: turn around · Right drag or Shift + drag: pan · Wheel: zoom towards the cursor · "
     "F: frame everything · F1: statistics · Tab, arrows, Enter: the panels by keyboard"},
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
    {Text::LivePlatforms, "Plateformes en ce moment", "Platforms right now"},
    {Text::Occupancy, "Fréquentation", "Occupancy"},
    {Text::People, "personnes", "people"},
    {Text::Now, "En ce moment", "Now"},
    {Text::Then, "Ensuite", "Next"},
    {Text::Nothing, "Rien de prévu", "Nothing planned"},
    {Text::Closed, "Fermé", "Closed"},
    {Text::KindTraining, "Formation", "Training"},
    {Text::KindCompanyProject, "Projet d'entreprise", "Company project"},
    {Text::KindDemo, "Démonstration", "Demonstration"},
    {Text::KindOpenLab, "Atelier ouvert", "Open lab"},
    {Text::KindClosed, "Fermé", "Closed"},
    {Text::StateRunning, "En production", "Running"},
    {Text::StateIdle, "Disponible", "Idle"},
    {Text::StateSetup, "Préparation", "Setting up"},
    {Text::StateMaintenance, "Maintenance", "Maintenance"},
    {Text::StateFault, "En panne", "Fault"},
    {Text::StateOffline, "Hors ligne", "Offline"},
    {Text::StateUnknown, "Sans données", "No data"},
    {Text::Job, "Travail", "Job"},
    {Text::Progress, "Avancement", "Progress"},
    {Text::Since, "depuis", "since"},
    {Text::StaleFor, "donnée ancienne de", "data is old:"},
    {Text::NoData, "Pas encore de données", "No data yet"},
    {Text::Replay, "Semaine type", "Typical week"},
    {Text::Live, "En direct", "Live"},
    {Text::Connecting, "Connexion…", "Connecting…"},
    {Text::Connected, "connecté", "connected"},
    {Text::Offline, "Hors ligne : dernières valeurs connues", "Offline: last known values"},
    // "Hors ligne depuis 14:32 : dernières valeurs connues" (the time goes between).
    {Text::OfflineSince, "Hors ligne depuis", "Offline since"},
    {Text::LastKnownValues, " : dernières valeurs connues", ": last known values"},
    {Text::ReplayStandsIn, "Semaine type (en attendant le direct)", "Typical week (until live data arrives)"},
    {Text::BackToNow, "Revenir à maintenant", "Back to now"},
    {Text::ReplaySpeed, "Vitesse", "Speed"},
    {Text::Today, "Aujourd'hui", "Today"},
    {Text::Schedule, "Programme du jour", "Today's schedule"},
    {Text::OccupancyToday, "Fréquentation du jour", "Occupancy today"},
    {Text::StateToday, "États du jour", "States today"},
    {Text::Services, "Services proposés", "Services offered"},
    {Text::Contact, "Contact", "Contact"},
    {Text::Legend, "Légende", "Legend"},
    {Text::OccupancyLevels, "Fréquentation (sol des plateformes)", "Occupancy (platform floors)"},
    {Text::LevelEmpty, "vide", "empty"},
    {Text::LevelLow, "calme (moins de 40 %)", "quiet (under 40%)"},
    {Text::LevelMedium, "animé (40 à 80 %)", "busy (40 to 80%)"},
    {Text::LevelHigh, "complet (plus de 80 %)", "full (over 80%)"},
    {Text::MachineStates, "États des machines", "Machine states"},
    {Text::Rejected, "Messages rejetés", "Rejected messages"},
    {Text::DataClock, "Heure des données", "Data time"},
    {Text::Faults, "en panne", "faulty"},
    {Text::YouAreHere, "Vous êtes ici", "You are here"},
    {Text::PlanHelp, "Toucher un point du plan : s'y rendre à pied", "Tap a point of the plan: walk there"},
    {Text::Overview, "Vue d'ensemble", "Overview"},
    {Text::WalkHelp,
     "Flèches ou Z Q S D : marcher · Glisser : regarder · Toucher le sol : y aller · Échap : vue d'ensemble",
     "Arrows or W A S D: walk · Drag: look around · Tap the floor: go there · Esc: overview"},
    // What a model opened alone says about the app; a scene's About text
    // comes from the scene file (assets/src/content/about.json for Twin).
    {Text::AboutApp,
     "Twin Tour : visite 3D et activité en direct des plateformes de Twin (Mines Saint-Étienne). Ce modèle est "
     "ouvert seul ; le fichier de scène de Twin présente le bâtiment.",
     "Twin Tour: a 3D visit and the live activity of the platforms of Twin (Mines Saint-Étienne). This model is "
     "open on its own; Twin's scene file presents the building."},
};
}  // namespace

std::string_view tr(Text text, Language language) {
    for (const Entry& e : kEntries)
        if (e.key == text) return language == Language::English ? e.en : e.fr;
    return "?";
}

Language languageFromCode(std::string_view code) { return code == "en" ? Language::English : Language::French; }

}  // namespace twin
