#!/usr/bin/python3
"""Generate the default scene file of the Twin tour, ``scenes/twin.json``.

Inputs (paths found from this script's location, so any working directory works):

- ``assets/src/building/layout.json``: floors, zones (footprints), machine spots
  (type, position, yaw) and camera viewpoints. Everything positional comes from
  here; the building may still change, so rerun this script after every change
  of the layout.
- ``assets/models/machines/machines_summary.json`` and the ``.glb`` files next to
  it: model file per machine type, named parts, bounds.
- The texts below (French first, English second), written for the kiosk.

Run with Debian's Python and its standard library only:

    /usr/bin/python3 assets/src/scene/make_twin_scene.py            # -> scenes/twin.json
    /usr/bin/python3 assets/src/scene/make_twin_scene.py --out F    # elsewhere

The output is deterministic (same inputs, same bytes). Problems that would make a
poor scene (a part name missing from a model, a text too long for a panel, a
character the kiosk font lacks, a tour naming an unknown stop) stop the script
with exit status 1; placement findings (a machine pushed back inside its zone, a
machine overlapping furniture or another machine) are printed as notes.

ADMIN PIN: the kiosk's admin PIN defaults to 2468 and only its SHA-256 hash is
written to the scene. This default is public (it is in this file): staff MUST
change it before a kiosk goes into service, by setting ``KIOSK_ADMIN_PIN`` below
(or editing ``kiosk.adminPinHash`` in the deployed scene) to the hash of a new PIN.
"""

import argparse
import hashlib
import json
import math
import os
import re
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
LAYOUT = os.path.join(ROOT, "assets", "src", "building", "layout.json")
MACHINES_DIR = os.path.join(ROOT, "assets", "models", "machines")
SUMMARY = os.path.join(MACHINES_DIR, "machines_summary.json")
BUILDING_GLB = os.path.join(ROOT, "assets", "models", "building", "twin_building.glb")
DEFAULT_OUT = os.path.join(ROOT, "scenes", "twin.json")
# The live-data replay (a week of occupancy, activities and machine states),
# from the repository root.
REPLAY_DATA = "assets/data/twin_week.json"

# Default admin PIN of the kiosk: public, to be changed by staff (see the docstring).
KIOSK_ADMIN_PIN = "2468"

# Limits for on-screen panels read at kiosk distance.
MAX_DESCRIPTION = 300
MAX_NARRATION = 280

# Characters the kiosk font is loaded with (app/ui/overlay.cpp): Latin-1, œ Œ Ÿ,
# dashes/quotes/ellipsis, narrow no-break space, euro sign.
GLYPH_RANGES = [(0x20, 0xFF), (0x152, 0x153), (0x178, 0x178), (0x2010, 0x2027),
                (0x202F, 0x202F), (0x20AC, 0x20AC)]

NBSP = "\u00a0"
NNBSP = "\u202f"

# ---------------------------------------------------------------------------
# Placement fixes (see README.md): the layout gives the spot; these small
# corrections per machine type are applied on top. Offsets are in the machine's
# own frame: +z = towards its front, +x = to its right seen from the front.
# ---------------------------------------------------------------------------
PLACEMENT_FIX = {
    # type: {"y": absolute height above the floor (None: keep the layout's),
    #        "forward": metres towards the front, "right": metres to the right}
    "fdm_printer": {"y": 0.75},      # on the workbenches (top at 0.75 m)
    "resin_printer": {"y": 0.75},
}
# Whatever the type, a machine whose bounds cross its zone's footprint is pushed
# back inside with this clearance (metres) to the wall.
WALL_CLEARANCE = 0.03

# ---------------------------------------------------------------------------
# Texts
# ---------------------------------------------------------------------------


def T(fr, en):
    """A visitor-facing text, French first."""
    return {"fr": fr, "en": en}


SCENE_NAME = T("Twin — Mines Saint-Étienne", "Twin — Mines Saint-Étienne")

# Zone id without "zone_" -> platform texts. Capacity: people the room holds
# (the layout's note wins where it gives a seat count).
PLATFORMS = {
    "reception": {
        "name": T("Accueil — Showroom", "Reception — Showroom"),
        "description": T(
            "Le point d'entrée de Twin, où l'on accueille entreprises, apprenants et créateurs. "
            "Le showroom expose des pièces réalisées sur les plateformes, du prototype imprimé "
            "à la pièce métal usinée.",
            "Twin's front door, where companies, learners and founders are welcomed. The showroom "
            "displays parts made on the platforms, from printed prototypes to machined metal parts."),
        "capacity": 40,
        "colour": "#56B4E9",
        "services": [
            T("Accueil et orientation des visiteurs", "Visitor welcome and guidance"),
            T("Présentation de l'offre aux entreprises", "Presentation of what Twin offers companies"),
            T("Visites guidées des plateformes", "Guided tours of the platforms"),
        ],
        "contact": ("Accueil Twin", "accueil@twin.example.org"),
    },
    "additive": {
        "name": T("Fabrication additive", "Additive manufacturing"),
        "description": T(
            "Impression 3D polymère et métal, du prototype à la petite série : dépôt de fil (FDM), "
            "résine, frittage de poudre (SLS) et fusion laser métal (LPBF). L'équipe aide les PME "
            "à concevoir pour l'impression 3D et à choisir le bon procédé.",
            "Polymer and metal 3D printing, from prototypes to small series: filament (FDM), resin, "
            "powder sintering (SLS) and metal laser fusion (LPBF). The team helps SMEs design for "
            "3D printing and choose the right process."),
        "capacity": 20,
        "colour": "#00A3A1",
        "services": [
            T("Prototypage rapide", "Rapid prototyping"),
            T("Petites séries en polymère", "Small series in polymer"),
            T("Pièces métalliques : inox, titane, aluminium", "Metal parts: stainless steel, titanium, aluminium"),
            T("Conception pour la fabrication additive", "Design for additive manufacturing"),
            T("Études de faisabilité", "Feasibility studies"),
            T("Formation aux procédés et à la sécurité", "Process and safety training"),
        ],
        "contact": ("Responsable de la plateforme fabrication additive", "fabrication-additive@twin.example.org"),
    },
    "digital": {
        "name": T("Transition numérique — Industrie 4.0", "Digital transition — Industry 4.0"),
        "description": T(
            "Un atelier de démonstration de l'Industrie 4.0 : robot collaboratif, cellule robotisée, "
            "robot mobile, réalité virtuelle et collecte de données. Les entreprises y testent une "
            "solution avant d'investir.",
            "An Industry 4.0 demonstration shop floor: collaborative robot, robot cell, mobile robot, "
            "virtual reality and data collection. Companies test a solution here before they invest."),
        "capacity": 20,
        "colour": "#0072B2",
        "services": [
            T("Intégration de robots et de cobots", "Robot and cobot integration"),
            T("Logistique interne automatisée (AMR)", "Automated in-plant logistics (AMR)"),
            T("IoT, collecte et analyse de données", "IoT, data collection and analytics"),
            T("Jumeau numérique", "Digital twin"),
            T("Réalité virtuelle et augmentée pour les revues de conception", "VR and AR for design reviews"),
            T("Diagnostic de maturité numérique", "Digital maturity assessment"),
        ],
        "contact": ("Responsable de la plateforme transition numérique", "transition-numerique@twin.example.org"),
    },
    "machining": {
        "name": T("Prototypage et usinage", "Prototyping and machining"),
        "description": T(
            "Tout pour passer de l'idée au prototype qui fonctionne : usinage 5 axes, découpe laser, "
            "numérisation 3D et électronique. Les pièces imprimées en métal y sont aussi reprises "
            "et contrôlées.",
            "Everything to turn an idea into a working prototype: 5-axis machining, laser cutting, "
            "3D scanning and electronics. Printed metal parts are also finished and inspected here."),
        "capacity": 20,
        "colour": "#E69F00",
        "services": [
            T("Usinage 5 axes", "5-axis machining"),
            T("Découpe et gravure laser", "Laser cutting and engraving"),
            T("Rétro-conception par numérisation 3D", "Reverse engineering by 3D scanning"),
            T("Contrôle dimensionnel", "Dimensional inspection"),
            T("Prototypage électronique et objets connectés", "Electronics and connected-device prototyping"),
        ],
        "contact": ("Responsable de l'atelier prototypage et usinage", "prototypage@twin.example.org"),
    },
    "logistics": {
        "name": T("Magasin — Logistique", "Stores — Logistics"),
        "description": T(
            "Réception des matières, stockage des poudres et des consommables, expédition des pièces "
            "finies. Le quai de chargement dessert directement les ateliers.",
            "Receiving materials, storing powders and consumables, shipping finished parts. The "
            "loading bay serves the workshops directly."),
        "capacity": 6,
        "colour": "#7F7F7F",
    },
    "lounge": {
        "name": T("Espace détente", "Break area"),
        "description": T(
            "Un espace de pause partagé par les apprenants, les équipes des entreprises et les "
            "start-up, avec canapés et coin café : le bon endroit pour échanger entre deux sessions.",
            "A break area shared by learners, company teams and start-ups, with sofas and a coffee "
            "corner: the right place to talk between two sessions."),
        "capacity": 30,
        "colour": "#F0E442",
    },
    "training-1": {
        "name": T("Salle de formation 1", "Training room 1"),
        "description": T(
            "Salle de {seats} places avec écran et tableau blanc, surtout consacrée à la conception "
            "et à la fabrication additive. La théorie y précède la pratique sur les machines du "
            "rez-de-chaussée.",
            "A {seats}-seat room with screen and whiteboard, mainly for design and additive "
            "manufacturing. Theory here comes before hands-on work on the ground-floor machines."),
        "capacity": 16,
        "colour": "#D55E00",
        "services": [
            T("Conception pour l'impression 3D", "Design for 3D printing"),
            T("Sécurité des poudres et des lasers", "Powder and laser safety"),
            T("Formations en alternance et pour salariés", "Apprenticeship and employee training"),
        ],
        "contact": ("Responsable des formations", "formation@twin.example.org"),
    },
    "training-2": {
        "name": T("Salle de formation 2", "Training room 2"),
        "description": T(
            "Salle de {seats} places avec écran et tableau blanc, surtout consacrée à la robotique, "
            "à l'automatisme et aux données industrielles, avant la pratique sur la plateforme "
            "Industrie 4.0.",
            "A {seats}-seat room with screen and whiteboard, mainly for robotics, automation and "
            "industrial data, before hands-on work on the Industry 4.0 platform."),
        "capacity": 16,
        "colour": "#CC6677",
        "services": [
            T("Programmation de robots et de cobots", "Robot and cobot programming"),
            T("Données industrielles et IoT", "Industrial data and IoT"),
            T("Cybersécurité des ateliers connectés", "Cybersecurity for connected shop floors"),
        ],
        "contact": ("Responsable des formations", "formation@twin.example.org"),
    },
    "training-3": {
        "name": T("Salle de formation 3", "Training room 3"),
        "description": T(
            "Salle de {seats} places avec écran et tableau blanc, pour les formations courtes des "
            "salariés d'entreprise et les ateliers sur mesure : innovation, lean, gestion de projet.",
            "A {seats}-seat room with screen and whiteboard, for short courses for company employees "
            "and tailored workshops: innovation, lean, project management."),
        "capacity": 16,
        "colour": "#AA4499",
        "services": [
            T("Formations courtes pour salariés", "Short courses for employees"),
            T("Ateliers sur mesure pour une entreprise", "Tailored workshops for one company"),
        ],
        "contact": ("Responsable des formations", "formation@twin.example.org"),
    },
    "meeting-1": {
        "name": T("Salle de réunion 1", "Meeting room 1"),
        "description": T(
            "Salle de réunion de {seats} places avec écran, pour les réunions de projet entre une "
            "entreprise, l'équipe de Twin et les enseignants-chercheurs de l'école.",
            "A {seats}-seat meeting room with a screen, for project meetings between a company, the "
            "Twin team and the school's researchers."),
        "capacity": 10,
        "colour": "#332288",
    },
    "meeting-2": {
        "name": T("Salle de réunion 2", "Meeting room 2"),
        "description": T(
            "Salle de réunion de {seats} places avec écran, pour les points d'avancement, les "
            "revues de conception et les entretiens avec les créateurs d'entreprise.",
            "A {seats}-seat meeting room with a screen, for progress meetings, design reviews and "
            "interviews with founders."),
        "capacity": 10,
        "colour": "#6699CC",
    },
    "offices": {
        "name": T("Bureaux — Équipe Twin", "Offices — Twin team"),
        "description": T(
            "Les bureaux de l'équipe Twin : chargés d'affaires, ingénieurs des plateformes et "
            "coordination des formations. C'est ici que démarre chaque projet d'entreprise.",
            "The Twin team's offices: business developers, platform engineers and training "
            "coordination. Every company project starts here."),
        "capacity": 6,
        "colour": "#117733",
        "services": [
            T("Premier rendez-vous et analyse du besoin", "First meeting and needs analysis"),
            T("Montage de projets et d'aides publiques", "Setting up projects and public funding"),
        ],
        "contact": ("Équipe entreprises Twin", "entreprises@twin.example.org"),
    },
    "incubator": {
        "name": T("Incubateur — Coworking", "Incubator — Coworking"),
        "description": T(
            "Incubateur et coworking pour les créateurs d'entreprise industrielle : postes de "
            "travail, bureaux vitrés pour les start-up, accompagnement et accès direct aux "
            "plateformes pour prototyper.",
            "Incubator and coworking space for founders of industrial start-ups: desks, glazed "
            "start-up offices, coaching and direct access to the platforms to build prototypes."),
        "capacity": 24,
        "colour": "#CC79A7",
        "services": [
            T("Hébergement de start-up", "Start-up hosting"),
            T("Accompagnement des porteurs de projet", "Coaching for founders"),
            T("Accès aux plateformes pour prototyper", "Access to the platforms for prototyping"),
            T("Mise en relation avec les PME et l'école", "Introductions to SMEs and the school"),
        ],
        "contact": ("Responsable de l'incubateur", "incubateur@twin.example.org"),
    },
    "cafeteria": {
        "name": T("Cafétéria", "Cafeteria"),
        "description": T(
            "La cafétéria du dernier étage, ouverte aux apprenants, aux équipes et aux visiteurs. "
            "Elle accueille aussi les pauses des séminaires.",
            "The top-floor cafeteria, open to learners, staff and visitors. It also hosts seminar "
            "breaks."),
        "capacity": 24,
        "colour": "#DDCC77",
    },
    "conference": {
        "name": T("Salle de conférence", "Conference room"),
        "description": T(
            "Salle de conférence de {seats} places avec projection, pour les séminaires, les "
            "journées techniques et les démonstrations aux entreprises.",
            "A {seats}-seat conference room with projection, for seminars, technical days and "
            "demonstrations for companies."),
        "capacity": 50,
        "colour": "#882255",
        "services": [
            T("Séminaires et journées techniques", "Seminars and technical days"),
            T("Démonstrations pour les entreprises", "Demonstrations for companies"),
        ],
        "contact": ("Service événements", "evenements@twin.example.org"),
    },
    "meeting-3": {
        "name": T("Salle de réunion 3", "Meeting room 3"),
        "description": T(
            "Salle de réunion de {seats} places au dernier étage, près de la salle de conférence : "
            "comités de pilotage, jurys et réunions avec les partenaires.",
            "A {seats}-seat meeting room on the top floor, next to the conference room: steering "
            "committees, juries and partner meetings."),
        "capacity": 10,
        "colour": "#88CCEE",
    },
}


# Colours for zones the layout may add before texts are written for them.
SPARE_COLOURS = ["#BBBBBB", "#999999", "#DDDDDD", "#555555", "#C0C0A0", "#A0C0C0"]


def P(fr_label, en_label, fr_desc, en_desc):
    """A named part: label and one-sentence description."""
    return {"label": T(fr_label, en_label), "description": T(fr_desc, en_desc)}


def S(fr_label, en_label, fr_value, en_value):
    """A specification."""
    return {"label": T(fr_label, en_label), "value": T(fr_value, en_value)}


# Machine type -> content. "id": prefix of the machine ids; "category": additive,
# digital or machining; "parts": node name (from machines_summary.json) -> part.
MACHINES = {
    "fdm_printer": {
        "id": "fdm",
        "category": "additive",
        "name": T("Imprimante 3D FDM", "FDM 3D printer"),
        "specifications": [
            S("Volume d'impression", "Build volume", "250 × 210 × 210 mm", "250 × 210 × 210 mm"),
            S("Épaisseur de couche", "Layer height", "0,05 à 0,3 mm", "0.05 to 0.3 mm"),
            S("Buse", "Nozzle", "0,4 mm, jusqu'à 300 °C", "0.4 mm, up to 300 °C"),
            S("Plateau", "Bed", "chauffant, jusqu'à 110 °C", "heated, up to 110 °C"),
            S("Matériaux", "Materials", "PLA, PETG, TPU (filament de 1,75 mm)", "PLA, PETG, TPU (1.75 mm filament)"),
        ],
        "rules": [
            T("Ne touchez ni la buse (jusqu'à 300 °C) ni le plateau (110 °C) pendant l'impression et juste après.",
              "Do not touch the nozzle (up to 300 °C) or the bed (110 °C) while printing or just after."),
            T("Ne passez jamais la main sous le portique en mouvement : mettez d'abord l'impression en pause.",
              "Never reach under the moving gantry: pause the print first."),
            T("Attendez que le plateau refroidisse pour décoller la pièce, spatule dirigée loin de la main.",
              "Remove the part once the bed has cooled, pushing the scraper away from your hand."),
        ],
        "ppe": [
            T("Lunettes de protection", "Safety glasses"),
            T("Gants anti-coupure pour retirer les supports", "Cut-resistant gloves to remove supports"),
        ],
        "training": [
            T("Du modèle CAO à la pièce : trancheur, paramètres et lancement",
              "From CAD model to part: slicer, settings and starting a print"),
            T("Réglage et entretien : nivellement, changement de filament, buse bouchée",
              "Set-up and upkeep: bed levelling, filament change, clogged nozzle"),
        ],
        "parts": {
            "extruder_head": P("Tête d'extrusion", "Extruder head",
                               "Elle fait fondre le filament et le dépose en fins cordons, couche après couche.",
                               "It melts the filament and lays it down in thin beads, layer after layer."),
            "heated_bed": P("Plateau chauffant", "Heated bed",
                            "Il chauffe la première couche pour qu'elle adhère et que la pièce ne se déforme pas.",
                            "It warms the first layer so that it sticks and the part does not warp."),
            "build_plate": P("Plaque d'impression", "Build plate",
                             "Surface amovible et flexible sur laquelle la pièce est construite puis décollée.",
                             "Removable, flexible surface on which the part is built and then peeled off."),
            "x_gantry": P("Portique X", "X gantry",
                          "Il guide la tête de gauche à droite et monte d'une épaisseur de couche à chaque niveau.",
                          "It guides the head from left to right and rises one layer height for each new layer."),
            "lead_screws": P("Vis de l'axe Z", "Z lead screws",
                             "Elles font monter le portique avec précision, d'une épaisseur de couche à la fois.",
                             "They raise the gantry precisely, one layer height at a time."),
            "filament_spool": P("Bobine de filament", "Filament spool",
                                "La matière première : un fil de plastique de 1,75 mm de diamètre.",
                                "The raw material: a plastic filament 1.75 mm in diameter."),
            "display": P("Écran de commande", "Control display",
                         "Il affiche les températures et la progression, et permet de lancer ou d'arrêter une impression.",
                         "It shows temperatures and progress, and starts or stops a print."),
        },
    },
    "resin_printer": {
        "id": "resin",
        "category": "additive",
        "name": T("Imprimante résine (SLA)", "Resin printer (SLA)"),
        "specifications": [
            S("Procédé", "Process", "photopolymérisation par lumière UV (405 nm)", "UV light photopolymerisation (405 nm)"),
            S("Volume d'impression", "Build volume", "145 × 145 × 185 mm", "145 × 145 × 185 mm"),
            S("Épaisseur de couche", "Layer height", "25 à 100 µm", "25 to 100 µm"),
            S("Matériaux", "Materials", "résines standard, techniques, souples et calcinables",
              "standard, engineering, flexible and castable resins"),
            S("Post-traitement", "Post-processing", "lavage à l'alcool isopropylique, puis cuisson UV",
              "wash in isopropyl alcohol, then UV cure"),
        ],
        "rules": [
            T("La résine liquide irrite la peau et peut provoquer une allergie : aucun contact, gants nitrile en permanence.",
              "Liquid resin irritates the skin and can cause allergies: no contact, nitrile gloves at all times."),
            T("Gardez le capot anti-UV fermé pendant l'impression.",
              "Keep the UV-blocking hood closed while printing."),
            T("L'alcool de lavage est inflammable : ni flamme ni étincelle à proximité.",
              "The washing alcohol is flammable: no flames or sparks nearby."),
            T("Gants et chiffons souillés vont dans le bac à déchets dédié, jamais à l'évier.",
              "Soiled gloves and wipes go in the dedicated waste bin, never down the sink."),
        ],
        "ppe": [
            T("Gants nitrile", "Nitrile gloves"),
            T("Lunettes de protection", "Safety glasses"),
            T("Blouse", "Lab coat"),
        ],
        "training": [
            T("Pièces fines en résine : orientation, supports, lavage et post-cuisson",
              "Fine parts in resin: orientation, supports, washing and post-curing"),
        ],
        "parts": {
            "resin_vat": P("Bac de résine", "Resin vat",
                           "Il contient la résine liquide ; son fond transparent laisse passer la lumière UV.",
                           "It holds the liquid resin; its clear bottom lets the UV light through."),
            "build_platform": P("Plateau de construction", "Build platform",
                                "La pièce s'y construit tête en bas, tirée hors de la résine couche par couche.",
                                "The part is built upside down on it, pulled out of the resin layer by layer."),
            "z_axis_tower": P("Colonne Z", "Z tower",
                              "Elle monte le plateau d'une épaisseur de couche après chaque exposition.",
                              "It lifts the platform by one layer height after each exposure."),
            "uv_hood": P("Capot anti-UV", "UV-blocking hood",
                         "Il protège la résine de la lumière ambiante et les yeux de la lumière UV.",
                         "It shields the resin from room light and your eyes from the UV light."),
            "resin_cartridge": P("Cartouche de résine", "Resin cartridge",
                                 "Elle remplit automatiquement le bac au cours de l'impression.",
                                 "It tops up the vat automatically during the print."),
            "wiper": P("Racleur", "Wiper",
                       "Il brasse et nivelle la résine dans le bac entre deux couches.",
                       "It stirs and levels the resin in the vat between layers."),
            "touchscreen": P("Écran tactile", "Touchscreen",
                             "Il sert à choisir le fichier, suivre l'impression et lancer le remplissage.",
                             "It is used to pick the file, follow the print and start refilling."),
        },
    },
    "sls_printer": {
        "id": "sls",
        "category": "additive",
        "name": T("Frittage laser de poudre polymère (SLS)", "Polymer powder laser sintering (SLS)"),
        "specifications": [
            S("Volume de fabrication", "Build volume", "200 × 250 × 330 mm", "200 × 250 × 330 mm"),
            S("Laser", "Laser", "CO2, 30 W", "CO2, 30 W"),
            S("Épaisseur de couche", "Layer height", "0,1 mm", "0.1 mm"),
            S("Matériaux", "Materials", "polyamides PA12 et PA11, TPU", "PA12 and PA11 polyamides, TPU"),
            S("Supports", "Supports", "aucun : la poudre porte les pièces, empilées dans tout le volume",
              "none: the powder holds the parts, stacked through the whole volume"),
        ],
        "rules": [
            T("Transvasez et tamisez la poudre uniquement au poste de dépoudrage, aspiration en marche ; jamais de soufflette.",
              "Transfer and sieve powder only at the depowdering station with extraction on; never use compressed air."),
            T("La chambre reste chaude des heures : attendez la fin du refroidissement avant d'ouvrir.",
              "The chamber stays hot for hours: wait for cool-down to finish before opening."),
            T("Poudre renversée : aspirez-la aussitôt avec l'aspirateur ATEX, le sol devient glissant.",
              "Spilt powder: vacuum it at once with the ATEX vacuum cleaner, the floor becomes slippery."),
        ],
        "ppe": [
            T("Masque FFP2", "FFP2 mask"),
            T("Gants nitrile", "Nitrile gloves"),
            T("Lunettes de protection", "Safety glasses"),
            T("Blouse fermée", "Closed lab coat"),
        ],
        "training": [
            T("Préparer un plateau SLS : imbrication des pièces et paramètres",
              "Preparing an SLS build: nesting the parts and setting parameters"),
            T("Dépoudrage, tamisage et recyclage de la poudre",
              "Depowdering, sieving and recycling the powder"),
        ],
        "parts": {
            "build_chamber": P("Chambre de fabrication", "Build chamber",
                               "Enceinte chauffée juste sous la fusion de la poudre, où le laser trace chaque couche.",
                               "Chamber heated just below the powder's melting point, where the laser draws each layer."),
            "powder_bed": P("Lit de poudre", "Powder bed",
                            "Fine couche de poudre étalée à chaque passage ; le laser n'en fritte que la section de la pièce.",
                            "Thin powder layer spread at each pass; the laser sinters only the part's cross-section."),
            "front_door": P("Porte de chambre", "Chamber door",
                            "Elle reste verrouillée pendant la fabrication et le refroidissement.",
                            "It stays locked during the build and the cool-down."),
            "touchscreen": P("Écran de conduite", "Operator screen",
                             "Il affiche les températures, la couche en cours et le temps restant.",
                             "It shows temperatures, the current layer and the time left."),
            "emergency_stop": P("Arrêt d'urgence", "Emergency stop",
                                "Il coupe le laser et les mouvements en cas de danger.",
                                "It cuts the laser and all motion in an emergency."),
            "powder_station": P("Poste de dépoudrage", "Depowdering station",
                                "Poste aspiré où l'on sort les pièces du bloc de poudre et où l'on récupère la poudre.",
                                "Extracted station where parts are taken out of the powder cake and the powder is recovered."),
            "sieve": P("Tamis", "Sieve",
                       "Il filtre la poudre récupérée avant de la mélanger à de la poudre neuve.",
                       "It screens the recovered powder before it is mixed with fresh powder."),
            "powder_container": P("Conteneur de poudre", "Powder container",
                                  "Il stocke le mélange de poudre prêt pour la prochaine fabrication.",
                                  "It stores the powder blend ready for the next build."),
        },
    },
    "metal_lpbf_printer": {
        "id": "lpbf",
        "category": "additive",
        "name": T("Fusion laser sur lit de poudre métallique", "Metal laser powder bed fusion"),
        "specifications": [
            S("Volume de fabrication", "Build volume", "250 × 250 × 300 mm", "250 × 250 × 300 mm"),
            S("Laser", "Laser", "fibre, 400 W", "fibre, 400 W"),
            S("Épaisseur de couche", "Layer height", "20 à 60 µm", "20 to 60 µm"),
            S("Matériaux", "Materials", "inox 316L, titane Ti6Al4V, aluminium AlSi10Mg, Inconel 718",
              "316L stainless steel, Ti6Al4V titanium, AlSi10Mg aluminium, Inconel 718"),
            S("Atmosphère", "Atmosphere", "argon, moins de 0,1 % d'oxygène", "argon, less than 0.1 % oxygen"),
        ],
        "rules": [
            T("La poudre métallique fine est réactive (incendie, explosion) : manipulez-la uniquement dans la boîte à gants, sous gaz inerte.",
              "Fine metal powder is reactive (fire, explosion): handle it only in the glovebox, under inert gas."),
            T("N'ouvrez jamais la chambre pendant un cycle ; le laser de classe 4 est capoté et la porte est verrouillée.",
              "Never open the chamber during a build; the class 4 laser is enclosed and the door is locked."),
            T("Zone ATEX marquée au sol : ni flamme, ni téléphone, ni outil non antistatique.",
              "ATEX zone marked on the floor: no flames, no phones, no non-antistatic tools."),
            T("Argon : vérifiez le détecteur d'oxygène avant d'intervenir sur la machine.",
              "Argon: check the oxygen detector before working on the machine."),
        ],
        "ppe": [
            T("Vêtements antistatiques ATEX", "ATEX antistatic clothing"),
            T("Masque FFP3", "FFP3 mask"),
            T("Gants nitrile", "Nitrile gloves"),
            T("Chaussures de sécurité antistatiques", "Antistatic safety shoes"),
            T("Lunettes de protection", "Safety glasses"),
        ],
        "training": [
            T("Sécurité des poudres métalliques : zone ATEX, boîte à gants, gaz inerte",
              "Metal powder safety: ATEX zone, glovebox, inert gas"),
            T("Du fichier à la pièce métal : orientation, supports, traitement thermique, découpe du plateau",
              "From file to metal part: orientation, supports, heat treatment, removal from the plate"),
        ],
        "parts": {
            "process_chamber": P("Chambre de fabrication", "Process chamber",
                                 "Enceinte étanche remplie d'argon où la poudre est fondue couche par couche.",
                                 "Sealed chamber filled with argon where the powder is melted layer by layer."),
            "build_plate": P("Plateau de fabrication", "Build plate",
                             "Plaque d'acier sur laquelle les pièces sont soudées, puis découpées à la fin.",
                             "Steel plate the parts are fused onto, then cut off at the end."),
            "recoater": P("Racleur", "Recoater",
                          "Il étale une couche de poudre de quelques dizaines de microns avant chaque passage du laser.",
                          "It spreads a powder layer a few tens of microns thick before each laser pass."),
            "laser_beam": P("Faisceau laser", "Laser beam",
                            "Le laser de 400 W fond la poudre exactement là où la pièce doit exister.",
                            "The 400 W laser melts the powder exactly where the part must be."),
            "chamber_door": P("Porte de chambre", "Chamber door",
                              "Porte étanche verrouillée pendant le cycle, avec un hublot filtrant le laser.",
                              "Sealed door locked during the build, with a laser-filtering window."),
            "control_panel": P("Pupitre de commande", "Control panel",
                               "Il suit le taux d'oxygène, la couche en cours et l'état du laser.",
                               "It monitors oxygen level, the current layer and the laser status."),
            "glovebox": P("Boîte à gants", "Glovebox",
                          "Enceinte sous gaz inerte où l'on tamise la poudre et sort les pièces sans contact avec l'air.",
                          "Inert-gas enclosure where powder is sieved and parts are unpacked without contact with air."),
            "filter_module": P("Module de filtration", "Filter module",
                               "Il capte les fumées et les particules de soudure du gaz qui circule dans la chambre.",
                               "It traps fumes and weld spatter from the gas circulating through the chamber."),
        },
    },
    "cnc_5axis": {
        "id": "cnc",
        "category": "machining",
        "name": T("Centre d'usinage 5 axes", "5-axis machining centre"),
        "specifications": [
            S("Courses X / Y / Z", "X / Y / Z travel", "500 × 450 × 400 mm", "500 × 450 × 400 mm"),
            S("Axes rotatifs", "Rotary axes", "A ± 110°, C 360° (table berceau)", "A ± 110°, C 360° (trunnion table)"),
            S("Broche", "Spindle", "12 000 tr/min, 15 kW", "12,000 rpm, 15 kW"),
            S("Magasin d'outils", "Tool magazine", "30 outils", "30 tools"),
            S("Matériaux", "Materials", "aluminium, aciers, titane, plastiques techniques",
              "aluminium, steels, titanium, engineering plastics"),
        ],
        "rules": [
            T("Porte fermée et verrouillée pendant l'usinage : ne shuntez jamais la sécurité de porte.",
              "Door closed and locked while cutting: never bypass the door interlock."),
            T("Copeaux coupants et chauds : retirez-les au crochet ou au pinceau, jamais à la main ni à la soufflette.",
              "Chips are sharp and hot: remove them with a hook or brush, never by hand or with compressed air."),
            T("Vérifiez le serrage de la pièce et de l'outil, puis simulez le programme avant tout lancement.",
              "Check that the part and the tool are clamped, then simulate the program before any run."),
        ],
        "ppe": [
            T("Lunettes de protection", "Safety glasses"),
            T("Chaussures de sécurité", "Safety shoes"),
            T("Protections auditives", "Hearing protection"),
            T("Gants anti-coupure, machine à l'arrêt uniquement", "Cut-resistant gloves, machine stopped only"),
        ],
        "training": [
            T("Programmation FAO 5 axes et simulation avant usinage", "5-axis CAM programming and simulation before cutting"),
            T("Reprise d'usinage de pièces imprimées en métal", "Finish machining of printed metal parts"),
        ],
        "parts": {
            "spindle": P("Broche", "Spindle",
                         "Elle fait tourner l'outil jusqu'à 12 000 tours par minute.",
                         "It spins the tool at up to 12,000 revolutions per minute."),
            "cutting_tool": P("Outil coupant", "Cutting tool",
                              "Fraise en carbure qui enlève la matière copeau après copeau.",
                              "Carbide cutter that removes material chip after chip."),
            "trunnion_table": P("Table berceau (axe A)", "Trunnion table (A axis)",
                                "Elle incline la pièce pour que l'outil atteigne presque toutes ses faces en un seul montage.",
                                "It tilts the part so that the tool reaches almost every face in one set-up."),
            "rotary_table": P("Plateau rotatif (axe C)", "Rotary table (C axis)",
                              "Il fait tourner la pièce sur elle-même, combiné à l'inclinaison du berceau.",
                              "It turns the part around, combined with the trunnion's tilt."),
            "tool_magazine": P("Magasin d'outils", "Tool magazine",
                               "Il stocke 30 outils et les change automatiquement en quelques secondes.",
                               "It holds 30 tools and changes them automatically in seconds."),
            "sliding_door": P("Porte coulissante", "Sliding door",
                              "Elle retient copeaux et liquide de coupe ; verrouillée, elle autorise l'usinage.",
                              "It keeps chips and coolant inside; cutting is allowed only when it is locked."),
            "control_pendant": P("Pupitre de commande numérique", "CNC control panel",
                                 "On y charge le programme, règle les origines et surveille l'usinage.",
                                 "Used to load the program, set the work offsets and watch the cutting."),
            "chip_conveyor": P("Convoyeur à copeaux", "Chip conveyor",
                               "Il évacue les copeaux de la zone d'usinage vers le bac.",
                               "It carries the chips out of the work area into the bin."),
        },
    },
    "cobot_arm": {
        "id": "cobot",
        "category": "digital",
        "name": T("Robot collaboratif", "Collaborative robot"),
        "specifications": [
            S("Axes", "Axes", "6", "6"),
            S("Charge utile", "Payload", "5 kg", "5 kg"),
            S("Portée", "Reach", "850 mm", "850 mm"),
            S("Répétabilité", "Repeatability", "± 0,03 mm", "± 0.03 mm"),
            S("Sécurité", "Safety", "limitation de force et de puissance, vitesse réduite près des personnes",
              "power and force limiting, reduced speed near people"),
        ],
        "rules": [
            T("Les limites de vitesse et de force sont fixées par l'analyse de risques : ne les modifiez pas sans le formateur.",
              "Speed and force limits come from the risk assessment: do not change them without the trainer."),
            T("Pas d'outil coupant ni de pièce pointue dans la pince en mode collaboratif.",
              "No sharp tool or pointed part in the gripper in collaborative mode."),
            T("Gardez la tête hors de la zone de travail ; l'arrêt d'urgence est sur la tablette.",
              "Keep your head out of the working area; the emergency stop is on the teach pendant."),
        ],
        "ppe": [
            T("Lunettes de protection", "Safety glasses"),
            T("Chaussures de sécurité", "Safety shoes"),
        ],
        "training": [
            T("Programmer une prise-dépose sur la tablette, par apprentissage", "Programming a pick-and-place on the teach pendant"),
            T("Analyse de risques d'une application collaborative", "Risk assessment of a collaborative application"),
        ],
        "parts": {
            "robot_base": P("Embase", "Base",
                            "Elle fixe le robot sur sa table et reçoit le câble de commande.",
                            "It fixes the robot to its table and takes the control cable."),
            "joint_1": P("Axe 1 — rotation de la base", "Axis 1 — base rotation",
                         "Il fait pivoter tout le bras autour de la verticale.",
                         "It swings the whole arm around the vertical axis."),
            "joint_2": P("Axe 2 — épaule", "Axis 2 — shoulder",
                         "Il lève et abaisse le bras ; ses capteurs de couple détectent un contact.",
                         "It raises and lowers the arm; its torque sensors detect any contact."),
            "joint_3": P("Axe 3 — coude", "Axis 3 — elbow",
                         "Il plie l'avant-bras pour rapprocher ou éloigner la pince.",
                         "It bends the forearm to bring the gripper closer or further away."),
            "gripper": P("Pince électrique", "Electric gripper",
                         "Ses deux doigts saisissent les pièces avec un effort réglable.",
                         "Its two fingers grasp parts with an adjustable force."),
            "teach_pendant": P("Tablette de programmation", "Teach pendant",
                               "On y crée le programme pas à pas ; elle porte l'arrêt d'urgence.",
                               "Used to build the program step by step; it carries the emergency stop."),
            "control_box": P("Armoire de commande", "Control box",
                             "Elle alimente les moteurs et gère les fonctions de sécurité.",
                             "It powers the motors and runs the safety functions."),
            "parts_tray": P("Bac de pièces", "Parts tray",
                            "Les pièces à prendre et à déposer pendant les exercices.",
                            "The parts to pick and place during the exercises."),
        },
    },
    "industrial_robot_cell": {
        "id": "robot-cell",
        "category": "digital",
        "name": T("Cellule robotisée industrielle", "Industrial robot cell"),
        "specifications": [
            S("Robot", "Robot", "6 axes, charge utile 10 kg", "6 axes, 10 kg payload"),
            S("Portée", "Reach", "1 400 mm", "1,400 mm"),
            S("Répétabilité", "Repeatability", "± 0,05 mm", "± 0.05 mm"),
            S("Protections", "Safeguards", "clôture, porte verrouillée, barrière immatérielle",
              "fence, interlocked door, light curtain"),
            S("Application", "Application", "prise sur convoyeur et palettisation", "conveyor picking and palletising"),
        ],
        "rules": [
            T("Personne dans la cellule en mode automatique : ouvrir la porte arrête le robot.",
              "Nobody inside the cell in automatic mode: opening the door stops the robot."),
            T("Entrez seulement en mode manuel, à vitesse réduite, tablette en main avec son bouton d'homme mort.",
              "Enter only in manual mode at reduced speed, holding the pendant and its enabling switch."),
            T("Avant toute intervention, posez votre cadenas personnel sur la porte.",
              "Before any work inside, put your personal padlock on the door."),
        ],
        "ppe": [
            T("Chaussures de sécurité", "Safety shoes"),
            T("Lunettes de protection", "Safety glasses"),
        ],
        "training": [
            T("Programmation hors ligne et simulation de trajectoires", "Offline programming and path simulation"),
            T("Sécurité des cellules : modes de marche et consignation", "Cell safety: operating modes and lockout"),
        ],
        "parts": {
            "robot_base": P("Robot industriel", "Industrial robot",
                            "Bras 6 axes rapide et puissant, qui ne travaille que porte fermée.",
                            "Fast, powerful 6-axis arm that only runs with the door closed."),
            "gripper": P("Préhenseur", "Gripper",
                         "Il saisit les cartons sur le convoyeur pour les poser sur la table.",
                         "It picks the boxes off the conveyor and places them on the table."),
            "cell_door": P("Porte de la cellule", "Cell door",
                           "Seul accès à la cellule ; son ouverture arrête le robot.",
                           "The only way into the cell; opening it stops the robot."),
            "door_interlock": P("Verrouillage de porte", "Door interlock",
                                "Interrupteur de sécurité qui coupe le mode automatique dès que la porte s'ouvre.",
                                "Safety switch that stops automatic mode as soon as the door opens."),
            "light_curtain": P("Barrière immatérielle", "Light curtain",
                               "Faisceaux infrarouges qui arrêtent le robot si l'on passe la main par l'ouverture du convoyeur.",
                               "Infrared beams that stop the robot if a hand passes through the conveyor opening."),
            "roller_conveyor": P("Convoyeur à rouleaux", "Roller conveyor",
                                 "Il amène les cartons dans la cellule, à portée du robot.",
                                 "It brings boxes into the cell, within the robot's reach."),
            "robot_controller": P("Baie de commande", "Robot controller",
                                  "Elle pilote les six moteurs et surveille les circuits de sécurité.",
                                  "It drives the six motors and monitors the safety circuits."),
            "teach_pendant": P("Pupitre d'apprentissage", "Teach pendant",
                               "Il sert à déplacer le robot pas à pas et à enregistrer ses points.",
                               "Used to jog the robot step by step and record its positions."),
        },
    },
    "agv": {
        "id": "agv",
        "category": "digital",
        "name": T("Robot mobile autonome (AMR)", "Autonomous mobile robot (AMR)"),
        "specifications": [
            S("Charge", "Payload", "100 kg", "100 kg"),
            S("Vitesse", "Speed", "1,2 m/s au plus, 0,3 m/s près des personnes", "up to 1.2 m/s, 0.3 m/s near people"),
            S("Navigation", "Navigation", "lidar et carte de l'atelier", "lidar and a map of the shop floor"),
            S("Autonomie", "Battery life", "8 h, recharge automatique sur borne", "8 h, automatic docking to recharge"),
        ],
        "rules": [
            T("Ne masquez pas les scanners de sécurité : ce sont eux qui font ralentir puis arrêter le robot.",
              "Never cover the safety scanners: they are what make the robot slow down and stop."),
            T("Ne stationnez pas sur la piste bleue et ne montez jamais sur le robot.",
              "Do not stand on the blue track and never ride on the robot."),
            T("En cas de danger, appuyez sur l'arrêt d'urgence du robot.",
              "In an emergency, press the robot's emergency stop."),
        ],
        "ppe": [
            T("Chaussures de sécurité", "Safety shoes"),
        ],
        "training": [
            T("Cartographier l'atelier et programmer des missions", "Mapping the shop floor and programming missions"),
            T("Relier le robot mobile à la cellule robotisée", "Linking the mobile robot to the robot cell"),
        ],
        "parts": {
            "lidar": P("Lidar de navigation", "Navigation lidar",
                       "Il balaie la pièce au laser pour que le robot se situe sur sa carte.",
                       "It sweeps the room with a laser so that the robot knows where it is on its map."),
            "safety_scanner_front": P("Scanner de sécurité avant", "Front safety scanner",
                                      "Il surveille le chemin : le robot ralentit, puis s'arrête devant un obstacle.",
                                      "It watches the path: the robot slows down, then stops at an obstacle."),
            "bumper_front": P("Pare-chocs avant", "Front bumper",
                              "Dernière sécurité : au moindre contact, le robot s'arrête.",
                              "Last line of safety: the slightest contact stops the robot."),
            "drive_wheel_left": P("Roue motrice", "Drive wheel",
                                  "Les deux roues motrices tournent à des vitesses différentes pour diriger le robot.",
                                  "The two drive wheels turn at different speeds to steer the robot."),
            "emergency_stop": P("Arrêt d'urgence", "Emergency stop",
                                "Il immobilise le robot immédiatement.",
                                "It stops the robot immediately."),
            "status_light_strip": P("Bandeau lumineux", "Status light strip",
                                    "Sa couleur indique l'état du robot : en route, en attente, en charge ou en défaut.",
                                    "Its colour shows the robot's state: moving, waiting, charging or faulted."),
            "charging_contacts": P("Contacts de charge", "Charging contacts",
                                   "Ils se connectent à la borne quand le robot va se recharger seul.",
                                   "They connect to the dock when the robot goes to recharge by itself."),
            "tote_box": P("Bac de transport", "Tote",
                          "Il transporte les pièces d'un poste à l'autre.",
                          "It carries parts from one workstation to the next."),
        },
    },
    "laser_cutter": {
        "id": "laser",
        "category": "machining",
        "name": T("Découpe laser CO2", "CO2 laser cutter"),
        "specifications": [
            S("Surface de travail", "Work area", "900 × 600 mm", "900 × 600 mm"),
            S("Laser", "Laser", "CO2, 80 W", "CO2, 80 W"),
            S("Découpe", "Cutting", "jusqu'à 10 mm d'acrylique, 6 mm de contreplaqué",
              "up to 10 mm acrylic, 6 mm plywood"),
            S("Matériaux", "Materials", "bois, acrylique, carton, cuir, textile ; gravure sur verre",
              "wood, acrylic, cardboard, leather, textiles; engraving on glass"),
        ],
        "rules": [
            T("Ne laissez jamais une découpe sans surveillance : risque d'incendie, extincteur CO2 à côté.",
              "Never leave a cut unattended: fire risk, CO2 extinguisher next to the machine."),
            T("Jamais de PVC ni de vinyle : ils dégagent du chlore.",
              "Never cut PVC or vinyl: they release chlorine gas."),
            T("Capot fermé et aspiration en marche ; ouvrir le capot coupe le laser.",
              "Lid closed and extraction on; opening the lid cuts the laser."),
        ],
        "ppe": [
            T("Lunettes de protection pour retirer les pièces", "Safety glasses to remove parts"),
            T("Lunettes laser CO2, pour la maintenance seulement", "CO2 laser goggles, for maintenance only"),
        ],
        "training": [
            T("Concevoir et découper un boîtier en contreplaqué", "Designing and cutting a plywood enclosure"),
        ],
        "parts": {
            "laser_head": P("Tête laser", "Laser head",
                            "Elle concentre le faisceau en un point de quelques dixièmes de millimètre.",
                            "It focuses the beam to a spot a few tenths of a millimetre wide."),
            "gantry": P("Portique", "Gantry",
                        "Il déplace la tête sur toute la surface de travail.",
                        "It moves the head over the whole work area."),
            "work_table": P("Table de travail", "Work table",
                            "Grille en nid d'abeille qui porte la plaque et laisse passer les fumées.",
                            "Honeycomb grid that holds the sheet and lets fumes through."),
            "lid": P("Capot", "Lid",
                     "Son hublot filtre le rayonnement ; l'ouvrir coupe le laser.",
                     "Its window filters the laser light; opening it cuts the laser."),
            "control_panel": P("Panneau de commande", "Control panel",
                               "On y choisit la tâche, règle la focale et lance la découpe.",
                               "Used to pick the job, set the focus and start cutting."),
            "key_switch": P("Interrupteur à clé", "Key switch",
                            "Seules les personnes formées ont la clé qui met le laser en service.",
                            "Only trained users hold the key that enables the laser."),
            "emergency_stop": P("Arrêt d'urgence", "Emergency stop",
                                "Il coupe immédiatement le laser et les mouvements.",
                                "It cuts the laser and all motion at once."),
            "extraction_unit": P("Unité d'aspiration", "Fume extractor",
                                 "Elle aspire et filtre les fumées de découpe.",
                                 "It draws off and filters the cutting fumes."),
        },
    },
    "scanner_3d": {
        "id": "scanner",
        "category": "machining",
        "name": T("Scanner 3D", "3D scanner"),
        "specifications": [
            S("Technologie", "Technology", "lumière structurée bleue, 2 caméras", "structured blue light, 2 cameras"),
            S("Précision", "Accuracy", "jusqu'à 0,02 mm", "up to 0.02 mm"),
            S("Champ de mesure", "Field of view", "100 à 400 mm", "100 to 400 mm"),
            S("Plateau tournant", "Turntable", "motorisé, pièces jusqu'à 10 kg", "motorised, parts up to 10 kg"),
            S("Résultat", "Output", "nuage de points, maillage STL, modèle CAO", "point cloud, STL mesh, CAD model"),
        ],
        "rules": [
            T("Ne regardez pas directement le projecteur quand il est allumé.",
              "Do not look straight into the projector when it is on."),
            T("Bloquez le trépied et faites passer les câbles hors du passage.",
              "Lock the tripod and keep the cables out of the walkway."),
            T("Pulvérisez le spray matifiant dehors ou sous aspiration.",
              "Apply matting spray outdoors or under extraction."),
        ],
        "ppe": [
            T("Gants nitrile et masque FFP2 pour le spray matifiant", "Nitrile gloves and FFP2 mask for matting spray"),
        ],
        "training": [
            T("Rétro-conception : numériser une pièce et reconstruire son modèle CAO",
              "Reverse engineering: scanning a part and rebuilding its CAD model"),
            T("Contrôle dimensionnel : comparer une pièce imprimée à son modèle",
              "Dimensional inspection: comparing a printed part with its model"),
        ],
        "parts": {
            "scanner_head": P("Tête de mesure", "Scanning head",
                              "Elle réunit le projecteur et les deux caméras sur une base rigide.",
                              "It holds the projector and both cameras on a rigid bar."),
            "projector": P("Projecteur", "Projector",
                           "Il projette des franges de lumière bleue sur la pièce.",
                           "It projects fringes of blue light onto the part."),
            "camera_left": P("Caméra", "Camera",
                             "Deux caméras observent la déformation des franges pour calculer la surface en 3D.",
                             "Two cameras watch how the fringes bend to compute the surface in 3D."),
            "turntable": P("Plateau tournant", "Turntable",
                           "Il fait tourner la pièce pour la mesurer sous tous les angles.",
                           "It turns the part so that it is measured from every side."),
            "scan_object": P("Pièce numérisée", "Scanned part",
                             "La pièce à mesurer ; des cibles collées aident à assembler les vues.",
                             "The part being measured; stuck-on targets help merge the views."),
            "tripod": P("Trépied", "Tripod",
                        "Il tient la tête stable et à la bonne distance.",
                        "It keeps the head steady at the right distance."),
            "pedestal": P("Socle", "Pedestal",
                          "Il porte le plateau tournant à hauteur de travail.",
                          "It holds the turntable at working height."),
        },
    },
    "vr_station": {
        "id": "vr",
        "category": "digital",
        "name": T("Station réalité virtuelle / augmentée", "Virtual / augmented reality station"),
        "specifications": [
            S("Casque", "Headset", "2 × 2 160 × 2 160 pixels, suivi 6 degrés de liberté",
              "2 × 2,160 × 2,160 pixels, 6-degree-of-freedom tracking"),
            S("Zone de jeu", "Play area", "3 × 3 m, suivie par deux balises", "3 × 3 m, tracked by two base stations"),
            S("Ordinateur", "Computer", "station graphique haut de gamme", "high-end graphics workstation"),
            S("Usages", "Uses", "revue de conception, formation immersive, jumeau numérique",
              "design reviews, immersive training, digital twin"),
        ],
        "rules": [
            T("Restez sur le tapis de la zone de jeu ; un accompagnant surveille les abords.",
              "Stay on the play-area mat; someone watches the surroundings."),
            T("Faites une pause toutes les 20 à 30 minutes et arrêtez au moindre malaise.",
              "Take a break every 20 to 30 minutes and stop at the first sign of discomfort."),
            T("Nettoyez la mousse du casque entre deux utilisateurs.",
              "Clean the headset foam between users."),
        ],
        "ppe": [
            T("Protection hygiénique jetable pour le casque", "Disposable hygiene cover for the headset"),
        ],
        "training": [
            T("Revue de conception immersive d'une pièce ou d'un poste de travail",
              "Immersive design review of a part or a workstation"),
            T("Apprendre un geste opérateur en réalité virtuelle", "Learning an operator task in virtual reality"),
        ],
        "parts": {
            "headset": P("Casque de réalité virtuelle", "VR headset",
                         "Il affiche la scène en 3D à l'échelle 1 et suit les mouvements de la tête.",
                         "It shows the scene in 3D at full scale and follows your head."),
            "controllers": P("Manettes", "Controllers",
                             "Elles servent à saisir, déplacer et annoter les objets virtuels.",
                             "Used to grab, move and annotate virtual objects."),
            "base_station_left": P("Balise de suivi", "Base station",
                                   "Deux balises repèrent le casque et les manettes dans la pièce.",
                                   "Two base stations track the headset and controllers in the room."),
            "monitor": P("Écran de contrôle", "Monitor",
                         "Il montre aux autres participants ce que voit l'utilisateur.",
                         "It shows the others what the user is seeing."),
            "pc_tower": P("Station graphique", "Graphics workstation",
                          "Elle calcule les images du casque, 90 fois par seconde.",
                          "It renders the headset's images 90 times a second."),
            "floor_mat": P("Zone de jeu", "Play area",
                           "Tapis de 3 × 3 m qui délimite l'espace libre pour se déplacer.",
                           "3 × 3 m mat marking the free space to move around in."),
            "headset_stand": P("Support de casque", "Headset stand",
                               "Le casque y est rangé et nettoyé entre deux utilisateurs.",
                               "Where the headset is stored and cleaned between users."),
        },
    },
    "electronics_bench": {
        "id": "electronics",
        "category": "machining",
        "name": T("Poste électronique", "Electronics workstation"),
        "specifications": [
            S("Oscilloscope", "Oscilloscope", "4 voies, 200 MHz", "4 channels, 200 MHz"),
            S("Alimentation", "Power supply", "0 à 30 V, 0 à 5 A", "0 to 30 V, 0 to 5 A"),
            S("Soudage", "Soldering", "station régulée jusqu'à 450 °C", "regulated station up to 450 °C"),
            S("Loupe", "Magnifier", "microscope stéréo pour composants montés en surface",
              "stereo microscope for surface-mount parts"),
            S("Protection ESD", "ESD protection", "tapis et bracelet antistatiques", "antistatic mat and wrist strap"),
        ],
        "rules": [
            T("Portez le bracelet antistatique relié au tapis avant de toucher une carte.",
              "Wear the wrist strap connected to the mat before touching a board."),
            T("Reposez toujours le fer dans son support et allumez l'aspiration des fumées de soudure.",
              "Always put the iron back in its holder and switch on the solder fume extraction."),
            T("Très basse tension seulement sur ce poste : aucune intervention sur le 230 V.",
              "Extra-low voltage only at this bench: no work on mains voltage."),
        ],
        "ppe": [
            T("Lunettes de protection", "Safety glasses"),
            T("Bracelet antistatique", "Antistatic wrist strap"),
        ],
        "training": [
            T("Prototyper un capteur connecté : câblage, soudure, programmation du microcontrôleur",
              "Prototyping a connected sensor: wiring, soldering, microcontroller programming"),
        ],
        "parts": {
            "oscilloscope": P("Oscilloscope", "Oscilloscope",
                              "Il affiche les signaux électriques pour trouver une panne ou vérifier une communication.",
                              "It displays electrical signals to track down faults or check communications."),
            "power_supply": P("Alimentation de laboratoire", "Bench power supply",
                              "Elle alimente le montage avec une tension et un courant limités.",
                              "It powers the circuit with limited voltage and current."),
            "soldering_station": P("Station de soudage", "Soldering station",
                                   "Elle règle la température du fer selon les composants.",
                                   "It sets the iron's temperature to suit the components."),
            "soldering_iron": P("Fer à souder", "Soldering iron",
                                "Il fait fondre l'étain pour relier les composants à la carte.",
                                "It melts the solder that joins components to the board."),
            "microscope": P("Microscope stéréo", "Stereo microscope",
                            "Il grossit les petits composants et les soudures à contrôler.",
                            "It magnifies small components and solder joints for inspection."),
            "multimeter": P("Multimètre", "Multimeter",
                            "Il mesure tensions, courants et continuité.",
                            "It measures voltage, current and continuity."),
            "esd_mat": P("Tapis antistatique", "Antistatic mat",
                         "Il évacue l'électricité statique qui pourrait détruire les composants.",
                         "It drains static electricity that could destroy components."),
            "pcb": P("Carte électronique", "Circuit board",
                     "Le prototype en cours : une carte de capteur connecté.",
                     "The prototype in progress: a connected sensor board."),
        },
    },
    "server_rack": {
        "id": "rack",
        "category": "digital",
        "name": T("Baie serveurs et IoT", "Server and IoT rack"),
        "specifications": [
            S("Format", "Format", "baie 42 U, onduleur 3 kVA", "42U rack, 3 kVA UPS"),
            S("Calcul", "Computing", "4 serveurs et 2 nœuds de calcul", "4 servers and 2 compute nodes"),
            S("Stockage", "Storage", "96 To", "96 TB"),
            S("Réseau", "Network", "commutateur 10 Gbit/s, passerelle IoT OPC UA et MQTT",
              "10 Gbit/s switch, OPC UA and MQTT IoT gateway"),
        ],
        "rules": [
            T("Accès réservé aux personnes habilitées ; la porte reste fermée à clé.",
              "Authorised staff only; the door stays locked."),
            T("Ne bloquez ni l'avant ni l'arrière de la baie : l'air de refroidissement doit circuler.",
              "Do not block the front or back of the rack: cooling air must flow."),
            T("Attention : avec l'onduleur, la baie reste sous tension même débranchée.",
              "Caution: because of the UPS, the rack stays live even when unplugged."),
        ],
        "ppe": [
            T("Bracelet antistatique pour intervenir sur un serveur", "Antistatic wrist strap for work on a server"),
        ],
        "training": [
            T("Remonter les données d'une machine vers un tableau de bord (OPC UA, MQTT)",
              "Feeding machine data into a dashboard (OPC UA, MQTT)"),
            T("Cybersécurité d'un réseau industriel : segmentation et mises à jour",
              "Industrial network cybersecurity: segmentation and updates"),
        ],
        "parts": {
            "iot_gateway": P("Passerelle IoT", "IoT gateway",
                             "Elle lit les données des machines (OPC UA, MQTT) et les transmet aux serveurs.",
                             "It reads machine data (OPC UA, MQTT) and passes it to the servers."),
            "network_switch": P("Commutateur réseau", "Network switch",
                                "Il relie les machines, les postes et les serveurs de la plateforme.",
                                "It connects the platform's machines, workstations and servers."),
            "server_1": P("Serveur", "Server",
                          "Il héberge les tableaux de bord et la base de données de l'atelier.",
                          "It hosts the dashboards and the shop floor's database."),
            "compute_node_1": P("Nœud de calcul", "Compute node",
                                "Il fait tourner les simulations et le jumeau numérique.",
                                "It runs the simulations and the digital twin."),
            "storage_array": P("Baie de stockage", "Storage array",
                               "Elle conserve l'historique des mesures et les fichiers de fabrication.",
                               "It keeps the measurement history and the manufacturing files."),
            "ups": P("Onduleur", "UPS",
                     "Il maintient les équipements sous tension pendant une coupure de courant.",
                     "It keeps the equipment running through a power cut."),
            "patch_panel": P("Panneau de brassage", "Patch panel",
                             "Il regroupe les câbles réseau qui arrivent de l'atelier.",
                             "It gathers the network cables coming from the shop floor."),
        },
    },
}

# ---------------------------------------------------------------------------
# Tours. A stop: ("platform"|"machine", id) or ("point", [x, y, z]); "camera"
# is either a layout viewpoint name ("zone_id/viewpoint", "exterior/name"), a
# machine-front framing ("front", distance factor), a part framing
# ("part", node), an explicit {"eye": [...], "target": [...]} or None for the
# automatic framing.
# ---------------------------------------------------------------------------

NUMBER_WORDS_FR = {1: "une", 2: "deux", 3: "trois", 4: "quatre", 5: "cinq", 6: "six"}
NUMBER_WORDS_EN = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six"}


def tours(ctx):
    """The guided tours; ctx gives counts from the layout for the narration."""
    n_train = ctx["training_rooms"]
    seats = ctx["training_seats"]
    return [
        {
            "id": "discovery",
            "title": T("Découvrir Twin en 3 minutes", "Discover Twin in 3 minutes"),
            "audience": "companies",
            "stops": [
                {"target": ("point", ctx["entrance_point"]), "camera": "exterior/entrance_approach", "duration": 22,
                 "narration": T(
                     "Bienvenue à Twin, « Technological way for industry ». Ouvert en 2022 par Mines "
                     "Saint-Étienne près de son campus industriel, ce bâtiment aide les PME à se moderniser, "
                     "grâce à 3,4 M€ d'investissement public.",
                     "Welcome to Twin, “Technological way for industry”. Opened in 2022 by Mines "
                     "Saint-Étienne near its industrial campus, the building helps small and medium-sized "
                     "firms modernise, backed by €3.4 million of public investment.")},
                {"target": ("platform", "reception"), "camera": "zone_reception/from_entrance", "duration": 18,
                 "narration": T(
                     "L'accueil et son showroom : les pièces exposées ont été conçues et fabriquées ici. "
                     "Chaque année, Twin accompagne une cinquantaine d'entreprises et forme environ 2 000 "
                     "apprenants.",
                     "The reception and its showroom: every part on display was designed and made here. "
                     "Each year Twin supports about 50 companies and trains around 2,000 learners."),
                 "panels": ["platform:reception"]},
                {"target": ("platform", "additive"), "camera": "zone_additive/from_corridor_door", "duration": 25,
                 "narration": T(
                     "La plateforme de fabrication additive imprime en polymère et en métal. Une PME peut y "
                     "obtenir un prototype en quelques jours, essayer une petite série ou vérifier qu'une "
                     "pièce métal imprimée répond à son besoin.",
                     "The additive manufacturing platform prints in polymer and metal. An SME can get a "
                     "prototype within days, trial a small series or check whether a printed metal part "
                     "meets its needs."),
                 "panels": ["platform:additive"]},
                {"target": ("platform", "digital"), "camera": "zone_digital/from_corridor_door", "duration": 25,
                 "narration": T(
                     "La plateforme transition numérique montre l'Industrie 4.0 en vrai : cobot, cellule "
                     "robotisée, robot mobile, réalité virtuelle et données machines. Les entreprises y "
                     "testent une solution avant d'investir.",
                     "The digital transition platform shows Industry 4.0 for real: cobot, robot cell, "
                     "mobile robot, virtual reality and machine data. Companies test a solution here "
                     "before investing."),
                 "panels": ["platform:digital"]},
                {"target": ("platform", "machining"), "camera": "zone_machining/from_corridor_door", "duration": 22,
                 "narration": T(
                     "L'atelier prototypage et usinage complète la chaîne : usinage 5 axes, découpe laser, "
                     "scanner 3D et postes électroniques, pour passer de l'idée au prototype qui fonctionne.",
                     "The prototyping and machining shop completes the chain: 5-axis machining, laser "
                     "cutting, 3D scanning and electronics benches, to go from an idea to a working prototype."),
                 "panels": ["platform:machining"]},
                {"target": ("platform", "training-2"), "camera": "zone_training_2/from_back_of_room", "duration": 20,
                 "narration": T(
                     "À l'étage, {n} salles de formation de {seats} places. Salariés, étudiants et apprentis "
                     "y suivent la théorie avant de passer sur les machines, juste en dessous.".format(
                         n=NUMBER_WORDS_FR.get(n_train, n_train), seats=seats),
                     "Upstairs, {n} {seats}-seat training rooms. Employees, students and apprentices learn "
                     "the theory here before moving to the machines just below.".format(
                         n=NUMBER_WORDS_EN.get(n_train, n_train), seats=seats)),
                 "panels": ["platform:training-2"]},
                {"target": ("platform", "incubator"), "camera": "zone_incubator/across_coworking", "duration": 20,
                 "narration": T(
                     "L'incubateur héberge de jeunes entreprises industrielles. Les créateurs y trouvent un "
                     "poste de travail, un accompagnement et un accès direct aux plateformes pour prototyper.",
                     "The incubator hosts young industrial companies. Founders get a desk, coaching and "
                     "direct access to the platforms to build their prototypes."),
                 "panels": ["platform:incubator"]},
                # Back down in the hall, by the way out: the flight to the overview
                # then backs out of the entrance with the building in view (from
                # the incubator straight to the overview it would rush down the
                # stairs and through the hall at 25 m/s).
                {"target": ("platform", "reception"),
                 "camera": {"eye": [1.0, 1.65, 12.5], "target": [3.0, 1.1, 6.2]}, "duration": 14,
                 "narration": T(
                     "Un projet ? L'équipe entreprises de Twin vous reçoit ici, à l'accueil. Un premier "
                     "rendez-vous cerne votre besoin : étude, prototype, formation ou accompagnement sur "
                     "mesure.",
                     "Got a project? Twin's business team welcomes you here, at the reception. A first "
                     "meeting pins down your needs: a study, a prototype, training or tailored support."),
                 "panels": ["platform:offices"]},
                {"target": ("point", ctx["building_centre"]), "camera": "exterior/overview", "duration": 14,
                 "narration": T(
                     "Twin, c'est tout un bâtiment au service des entreprises et des apprenants, près du "
                     "campus industriel de Mines Saint-Étienne. À bientôt à Twin !",
                     "Twin is a whole building serving companies and learners, next to Mines "
                     "Saint-Étienne's industrial campus. See you soon at Twin!"),
                 "panels": ["platform:offices"]},
            ],
        },
        {
            "id": "additive-learners",
            "title": T("La fabrication additive, procédé par procédé", "Additive manufacturing, process by process"),
            "audience": "learners",
            "stops": [
                {"target": ("platform", "additive"), "camera": "zone_additive/from_corridor_door", "duration": 20,
                 "narration": T(
                     "Bienvenue sur la plateforme de fabrication additive. Quatre procédés, du plus simple "
                     "au plus exigeant : dépôt de fil (FDM), résine, frittage de poudre polymère (SLS) et "
                     "fusion laser de poudre métallique.",
                     "Welcome to the additive manufacturing platform. Four processes, from the simplest to "
                     "the most demanding: filament extrusion (FDM), resin, polymer powder sintering (SLS) "
                     "and metal powder laser fusion."),
                 "panels": ["platform:additive"]},
                {"target": ("machine", "fdm-1"), "camera": ("front", 1.0), "duration": 35,
                 "narration": T(
                     "L'imprimante FDM fait fondre un filament plastique dans une buse chaude et construit la "
                     "pièce couche par couche. En formation, vous préparez le fichier dans le trancheur, "
                     "lancez l'impression et apprenez à régler la machine.",
                     "The FDM printer melts a plastic filament in a hot nozzle and builds the part layer by "
                     "layer. In training you prepare the file in the slicer, start the print and learn to "
                     "set up the machine."),
                 "panels": ["machine:fdm-1"]},
                {"target": ("machine", "resin-1"), "camera": ("front", 1.0), "duration": 30,
                 "narration": T(
                     "L'imprimante résine durcit une résine liquide à la lumière UV, couche après couche : "
                     "idéale pour les petites pièces très détaillées. La résine irrite la peau : gants "
                     "nitrile et lunettes sont obligatoires.",
                     "The resin printer cures liquid resin with UV light, layer after layer: ideal for "
                     "small, finely detailed parts. Resin irritates the skin, so nitrile gloves and safety "
                     "glasses are compulsory."),
                 "panels": ["machine:resin-1"]},
                {"target": ("machine", "sls-1"), "camera": ("front", 1.0), "duration": 35,
                 "narration": T(
                     "En SLS, un laser fritte une poudre de polyamide. La poudre non frittée porte la pièce : "
                     "pas de supports, on remplit tout le volume. Vous apprendrez à dépoudrer et à recycler "
                     "la poudre au poste dédié.",
                     "In SLS, a laser sinters polyamide powder. The loose powder holds the part up, so no "
                     "supports are needed and the whole volume can be filled. You will learn to depowder "
                     "and recycle the powder at its station."),
                 "panels": ["machine:sls-1"]},
                {"target": ("machine", "lpbf-1"), "camera": ("front", 1.0), "duration": 35,
                 "narration": T(
                     "La fusion laser sur lit de poudre fabrique des pièces en acier, titane ou aluminium. "
                     "Un laser de 400 W fond la poudre sous argon, couche après couche. Les pièces partent "
                     "ensuite en traitement thermique et en usinage.",
                     "Laser powder bed fusion builds parts in steel, titanium or aluminium. A 400 W laser "
                     "melts the powder under argon, layer after layer. The parts then go on to heat "
                     "treatment and machining."),
                 "panels": ["machine:lpbf-1"]},
                {"target": ("machine", "lpbf-1"), "camera": ("part", "glovebox"), "duration": 30,
                 "narration": T(
                     "Sécurité : la poudre métallique fine peut s'enflammer. Elle se manipule uniquement dans "
                     "la boîte à gants, sous gaz inerte, dans la zone ATEX marquée au sol, en vêtements "
                     "antistatiques et masque FFP3.",
                     "Safety: fine metal powder can catch fire. It is handled only in the glovebox, under "
                     "inert gas, inside the ATEX zone marked on the floor, wearing antistatic clothing and "
                     "an FFP3 mask."),
                 "panels": ["machine:lpbf-1"]},
                {"target": ("platform", "training-1"), "camera": "zone_training_1/from_back_of_room", "duration": 25,
                 "narration": T(
                     "En formation, vous alternez la théorie en salle, à l'étage, et la pratique sur ces "
                     "machines : concevoir pour l'impression 3D, choisir le procédé, préparer, imprimer, "
                     "post-traiter et contrôler vos pièces.",
                     "In training you alternate theory in the rooms upstairs with practice on these "
                     "machines: design for 3D printing, choose the process, prepare, print, post-process "
                     "and inspect your parts."),
                 "panels": ["platform:training-1"]},
            ],
        },
        {
            "id": "digital-transition",
            "title": T("La transition numérique en pratique", "Digital transition in practice"),
            "audience": "companies",
            "stops": [
                {"target": ("platform", "digital"), "camera": "zone_digital/from_corridor_door", "duration": 20,
                 "narration": T(
                     "La plateforme transition numérique est un atelier de démonstration : chaque équipement "
                     "est relié au réseau de données, comme dans une usine 4.0. Ici, vous essayez avant "
                     "d'investir.",
                     "The digital transition platform is a demonstration shop floor: every machine is "
                     "connected to the data network, as in an Industry 4.0 plant. Here you try before "
                     "you invest."),
                 "panels": ["platform:digital"]},
                {"target": ("machine", "cobot-1"), "camera": ("front", 1.0), "duration": 30,
                 "narration": T(
                     "Le robot collaboratif travaille à côté de l'opérateur, sans cage : il limite sa force "
                     "et ralentit près des personnes. Il se programme en quelques heures pour des tâches "
                     "répétitives comme le chargement d'une machine.",
                     "The collaborative robot works next to the operator, without a fence: it limits its "
                     "force and slows down near people. It can be programmed in a few hours for repetitive "
                     "tasks such as machine tending."),
                 "panels": ["machine:cobot-1"]},
                {"target": ("machine", "robot-cell-1"), "camera": ("front", 1.0), "duration": 30,
                 "narration": T(
                     "La cellule robotisée montre l'autre approche : un robot industriel rapide, derrière "
                     "une clôture, une porte verrouillée et une barrière immatérielle. On y étudie la "
                     "palettisation et la simulation hors ligne.",
                     "The robot cell shows the other approach: a fast industrial robot behind a fence, an "
                     "interlocked door and a light curtain. It is used to study palletising and offline "
                     "simulation."),
                 "panels": ["machine:robot-cell-1"]},
                {"target": ("machine", "agv-1"), "camera": ("front", 1.0), "duration": 25,
                 "narration": T(
                     "Le robot mobile autonome transporte les bacs entre les postes. Il se repère au lidar et "
                     "ralentit devant les personnes : de quoi tester l'automatisation de la logistique "
                     "interne.",
                     "The autonomous mobile robot carries totes between workstations. It finds its way with "
                     "lidar and slows down near people: a way to test automating in-plant logistics."),
                 "panels": ["machine:agv-1"]},
                {"target": ("machine", "vr-1"), "camera": ("front", 1.0), "duration": 25,
                 "narration": T(
                     "La station de réalité virtuelle permet de revoir un produit ou un poste de travail à "
                     "l'échelle 1 avant de le fabriquer, et de former les opérateurs sans immobiliser la "
                     "production.",
                     "The virtual reality station lets you review a product or a workstation at full scale "
                     "before building it, and train operators without stopping production."),
                 "panels": ["machine:vr-1"]},
                {"target": ("machine", "rack-1"), "camera": ("front", 1.0), "duration": 25,
                 "narration": T(
                     "Les baies serveurs collectent les données des machines par une passerelle IoT (OPC UA, "
                     "MQTT). Elles alimentent les tableaux de bord et le jumeau numérique de l'atelier, celui "
                     "que vous parcourez.",
                     "The server racks collect machine data through an IoT gateway (OPC UA, MQTT). They feed "
                     "the dashboards and the shop floor's digital twin, the one you are touring now."),
                 "panels": ["machine:rack-1"]},
                {"target": ("platform", "digital"), "camera": ["zone_digital/robot_cell_and_agv", ("corner", "zone_digital", (-1, 1))], "duration": 25,
                 "narration": T(
                     "Un projet type : un diagnostic d'une journée, un démonstrateur sur la plateforme avec "
                     "vos propres pièces, puis la formation de vos équipes. Parlez-en à l'équipe de la "
                     "plateforme.",
                     "A typical project: a one-day assessment, a demonstrator on the platform with your own "
                     "parts, then training for your teams. Talk to the platform team about it."),
                 "panels": ["platform:digital"]},
            ],
        },
    ]


# Expected tour lengths (seconds) and the tolerance allowed.
TOUR_TARGETS = {"discovery": (180, 0), "additive-learners": (210, 30), "digital-transition": (180, 10)}

# ---------------------------------------------------------------------------
# Tour waypoints (building.waypoints): where a tour camera may pass when the
# straight move between two stops would go through a wall. The app searches
# the shortest route over them (CameraPathDesc in app/tour/camera_path.h), so
# they mark the passages, not routes: both sides of every doorway (the camera
# crosses a door square on), corridor mouths, the stair flights' ends and
# landings, both sides of the main entrance.
# The layout gives the stairs and the entrance; it does not list the rooms'
# doors yet, so they are copied here from the walls' openings in
# assets/src/building/make_building.py (build_floor0/1/2): keep both in step.
# scenes/twin.json's tours are checked against the real geometry by
# tests/unit/tour/twin_tours_test.cpp (no move crosses a triangle).
# ---------------------------------------------------------------------------
EYE_HEIGHT = 1.65      # above the floor, as the layout's viewpoints
DOOR_STEP = 0.7        # from the wall's centre line to each side's waypoint
# (floor index, z of the wall's centre line, x of the opening's centre); every
# door is in a wall running along x.
DOORWAYS = [
    (0, 1.5, -12.0), (0, -1.5, -12.0), (0, 1.5, 12.0), (0, -1.5, 11.25),    # ground-floor platforms
    (1, 1.5, -23.5), (1, 1.5, -15.5), (1, 1.5, -7.5),                       # training rooms
    (1, -1.5, -23.5), (1, -1.5, -15.7), (1, -1.5, -7.7),                    # offices, meeting rooms
    (1, -9.0, 20.9), (1, -9.0, 26.9),                                       # incubator offices
    (2, 1.5, 8.8), (2, 1.5, 15.9), (2, -1.5, 8.5),                          # conference, meeting room 3
]
# (floor index, x, z): ends of the corridors where they open onto the central
# hall, and the hall in front of the stairs and lift.
OPENINGS = [
    (0, -6.0, 0.0), (0, 6.0, 0.0), (0, 0.0, 0.5),
    (1, -6.0, 0.0), (1, 6.0, -0.2), (1, 0.0, 0.5),
    (2, 6.0, 0.0), (2, 0.0, 0.5),
]
# In front of the entrance, clear of the canopy (whose edge is 4.5 m out).
ENTRANCE_APPROACH = 9.0


def tour_waypoints(layout, placed, problems):
    """building.waypoints: eye positions at doorways, corridor ends, stairs and the entrance."""
    elevation = [fl["elevation"] for fl in layout["floors"]]
    points = []
    for f, wall_z, x in DOORWAYS:
        for side in (-1, 1):
            points.append([x, elevation[f] + EYE_HEIGHT, wall_z + side * DOOR_STEP])
    for f, x, z in OPENINGS:
        points.append([x, elevation[f] + EYE_HEIGHT, z])
    # Each stair flight pair: the foot, both ends of the landing, the head.
    floor_ids = [fl["id"] for fl in layout["floors"]]
    for stair in layout.get("stairs", []):
        zs = [p[1] for p in stair["footprint"]]
        for below, start in sorted(stair["start"].items()):
            f = floor_ids.index(below)
            if f + 1 >= len(floor_ids) or floor_ids[f + 1] not in stair["arrival"]:
                continue
            arrival = stair["arrival"][floor_ids[f + 1]]
            # Flights climb from the start towards the far end of the stairwell.
            back = min(zs) if abs(min(zs) - start[2]) > abs(max(zs) - start[2]) else max(zs)
            climb = 1.0 if back > start[2] else -1.0
            risers = stair["risers"][below]
            rise = (elevation[f + 1] - elevation[f]) / risers
            half = risers // 2
            landing_y = elevation[f] + half * rise
            landing_edge = start[2] + climb * (half - 1) * stair["tread_m"]
            landing_z = (landing_edge + back) / 2
            points.append([start[0], elevation[f] + EYE_HEIGHT, start[2] - climb * DOOR_STEP])
            points.append([start[0], landing_y + EYE_HEIGHT, landing_z])
            points.append([arrival[0], landing_y + EYE_HEIGHT, landing_z])
            points.append([arrival[0], elevation[f + 1] + EYE_HEIGHT, arrival[2] - climb * DOOR_STEP])
    entrance = layout["entrance"]
    door, facing = entrance["position"], entrance["facing"]
    for out in (-1.5, 1.5, ENTRANCE_APPROACH):
        points.append([door[0] + facing[0] * out, door[1] + EYE_HEIGHT, door[2] + facing[2] * out])
    points = [r3(p) for p in points]
    for p in points:
        blocker = eye_blocked(p, placed)
        if blocker:
            problems.error("tour waypoint %r is inside %s's bounds" % (p, blocker))
    return points

# ---------------------------------------------------------------------------
# Small geometry and glTF helpers (standard library only)
# ---------------------------------------------------------------------------


def mat_mul(a, b):
    return [[sum(a[i][k] * b[k][j] for k in range(4)) for j in range(4)] for i in range(4)]


def mat_identity():
    return [[1.0 if i == j else 0.0 for j in range(4)] for i in range(4)]


def mat_trs(node):
    if "matrix" in node:
        m = node["matrix"]  # column-major
        return [[m[c * 4 + r] for c in range(4)] for r in range(4)]
    tx, ty, tz = node.get("translation", [0.0, 0.0, 0.0])
    qx, qy, qz, qw = node.get("rotation", [0.0, 0.0, 0.0, 1.0])
    sx, sy, sz = node.get("scale", [1.0, 1.0, 1.0])
    r = [[1 - 2 * (qy * qy + qz * qz), 2 * (qx * qy - qz * qw), 2 * (qx * qz + qy * qw)],
         [2 * (qx * qy + qz * qw), 1 - 2 * (qx * qx + qz * qz), 2 * (qy * qz - qx * qw)],
         [2 * (qx * qz - qy * qw), 2 * (qy * qz + qx * qw), 1 - 2 * (qx * qx + qy * qy)]]
    return [[r[0][0] * sx, r[0][1] * sy, r[0][2] * sz, tx],
            [r[1][0] * sx, r[1][1] * sy, r[1][2] * sz, ty],
            [r[2][0] * sx, r[2][1] * sy, r[2][2] * sz, tz],
            [0.0, 0.0, 0.0, 1.0]]


def mat_point(m, p):
    return [m[i][0] * p[0] + m[i][1] * p[1] + m[i][2] * p[2] + m[i][3] for i in range(3)]


def box_transform(m, lo, hi):
    """Axis-aligned bounds of a box after a transform."""
    pts = [mat_point(m, [x, y, z]) for x in (lo[0], hi[0]) for y in (lo[1], hi[1]) for z in (lo[2], hi[2])]
    return ([min(p[i] for p in pts) for i in range(3)], [max(p[i] for p in pts) for i in range(3)])


def box_union(a, b):
    if a is None:
        return b
    return ([min(a[0][i], b[0][i]) for i in range(3)], [max(a[1][i], b[1][i]) for i in range(3)])


class Gltf:
    """Node names and bounds of a .glb file (JSON chunk only; bounds from accessor min/max)."""

    def __init__(self, path):
        with open(path, "rb") as f:
            data = f.read()
        magic, _version, _length = struct.unpack_from("<4sII", data, 0)
        if magic != b"glTF":
            raise ValueError(path + ": not a binary glTF file")
        length, kind = struct.unpack_from("<I4s", data, 12)
        if kind != b"JSON":
            raise ValueError(path + ": first chunk is not JSON")
        self.doc = json.loads(data[20:20 + length].decode("utf-8"))
        self.nodes = self.doc.get("nodes", [])
        self.names = {n.get("name", "") for n in self.nodes}
        self.world = {}       # node index -> world matrix
        self.parent = {}
        scene = self.doc.get("scenes", [{}])[self.doc.get("scene", 0)]
        stack = [(i, mat_identity()) for i in scene.get("nodes", [])]
        while stack:
            i, parent = stack.pop()
            m = mat_mul(parent, mat_trs(self.nodes[i]))
            self.world[i] = m
            for c in self.nodes[i].get("children", []):
                self.parent[c] = i
                stack.append((c, m))
        self.roots = scene.get("nodes", [])

    def mesh_bounds(self, i):
        node = self.nodes[i]
        if "mesh" not in node:
            return None
        out = None
        for prim in self.doc["meshes"][node["mesh"]]["primitives"]:
            acc = self.doc["accessors"][prim["attributes"]["POSITION"]]
            out = box_union(out, box_transform(self.world[i], acc["min"], acc["max"]))
        return out

    def subtree_bounds(self, i):
        out = self.mesh_bounds(i)
        for c in self.nodes[i].get("children", []):
            b = self.subtree_bounds(c)
            if b is not None:
                out = box_union(out, b)
        return out

    def index(self, name):
        for i, n in enumerate(self.nodes):
            if n.get("name") == name:
                return i
        return None

    def bounds(self):
        out = None
        for r in self.roots:
            b = self.subtree_bounds(r)
            if b is not None:
                out = box_union(out, b)
        return out


def placement_matrix(position, yaw_deg):
    c, s = math.cos(math.radians(yaw_deg)), math.sin(math.radians(yaw_deg))
    # glm::rotate about +Y: x' = c x + s z, z' = -s x + c z
    return [[c, 0.0, s, position[0]], [0.0, 1.0, 0.0, position[1]], [-s, 0.0, c, position[2]], [0.0, 0.0, 0.0, 1.0]]


def point_in_polygon(p, poly):
    x, z = p
    inside = False
    for k in range(len(poly)):
        (x1, z1), (x2, z2) = poly[k], poly[(k + 1) % len(poly)]
        if (z1 > z) != (z2 > z) and x < x1 + (z - z1) * (x2 - x1) / (z2 - z1):
            inside = not inside
    return inside


def polygon_bbox(poly):
    xs, zs = [p[0] for p in poly], [p[1] for p in poly]
    return min(xs), max(xs), min(zs), max(zs)


def r3(v):
    out = [round(float(x), 3) for x in v]
    return [0.0 if x == 0 else x for x in out]


# ---------------------------------------------------------------------------
# Text checks and French typography
# ---------------------------------------------------------------------------

UNITS = r"(?:mm|cm|m|µm|kg|W|kW|kVA|V|A|MHz|°C|%|h|s|min|tr/min|rpm|TB|To|U|m/s|Gbit/s|M€|places|axes|outils|tools|pixels)"


def typography(text, lang):
    t = text.replace("'", "’")
    # no-break space between a number and its unit, around ×
    t = re.sub(r"(\d) (?=" + UNITS + r"(?![\w]))", "\\1" + NBSP, t)
    t = re.sub(r"(\d) × (?=\d)", "\\1" + NBSP + "×" + NBSP, t)
    t = re.sub(r"± (?=\d)", "±" + NBSP, t)
    if lang == "fr":
        t = re.sub(r"(\d) (\d{3})(?!\d)", "\\1" + NNBSP + "\\2", t)   # 2 000, 12 000
        t = re.sub(r" ([:;?!])", NBSP + "\\1", t)
        t = t.replace("« ", "«" + NBSP).replace(" »", NBSP + "»")
        t = re.sub(r"(\d) (€)", "\\1" + NBSP + "\\2", t)
    return t


class Problems:
    def __init__(self):
        self.errors = []
        self.notes = []

    def error(self, msg):
        self.errors.append(msg)

    def note(self, msg):
        self.notes.append(msg)


def glyphs_ok(text):
    return all(any(lo <= ord(ch) <= hi for lo, hi in GLYPH_RANGES) for ch in text)


def finish_texts(obj, problems, path=""):
    """Apply typography to every {fr, en} text and check it; returns the new object."""
    if isinstance(obj, dict):
        if set(obj) == {"fr", "en"} and all(isinstance(v, str) for v in obj.values()):
            out = {"fr": typography(obj["fr"], "fr"), "en": typography(obj["en"], "en")}
            for lang in ("fr", "en"):
                s = out[lang]
                if not s.strip():
                    problems.error("%s/%s: empty text" % (path, lang))
                if not glyphs_ok(s):
                    bad = sorted({ch for ch in s if not glyphs_ok(ch)})
                    problems.error("%s/%s: characters missing from the kiosk font: %r" % (path, lang, bad))
                if "  " in s or s != s.strip():
                    problems.error("%s/%s: stray spaces in %r" % (path, lang, s))
                if lang == "en" and re.search(r" [:;?!]", s):
                    problems.error("%s/en: space before punctuation in %r" % (path, s))
                if lang == "fr" and re.search(r"[^\u00a0\u202f][:;?!](\s|$)", s) and not re.search(r"\w://", s):
                    problems.error("%s/fr: missing no-break space before : ; ? ! in %r" % (path, s))
                limit = MAX_NARRATION if path.endswith("/narration") else (
                    MAX_DESCRIPTION if path.endswith("/description") else None)
                if limit and len(s) > limit:
                    problems.error("%s/%s: %d characters, at most %d for a panel" % (path, lang, len(s), limit))
            return out
        return {k: finish_texts(v, problems, path + "/" + k) for k, v in obj.items()}
    if isinstance(obj, list):
        return [finish_texts(v, problems, "%s/%d" % (path, i)) for i, v in enumerate(obj)]
    return obj


# ---------------------------------------------------------------------------
# Scene
# ---------------------------------------------------------------------------


def platform_id(zone_id):
    pid = zone_id[len("zone_"):] if zone_id.startswith("zone_") else zone_id
    return pid.replace("_", "-")


def seats_from_note(note):
    m = re.search(r"(\d+)\s+(?:learner\s+)?seats", note or "")
    return int(m.group(1)) if m else None


def rel(path_from_root):
    """Path as written in the scene (relative to scenes/, inside assetRoot '..')."""
    return "../" + path_from_root.replace(os.sep, "/")


def build(problems, layout_file=LAYOUT):
    with open(layout_file, encoding="utf-8") as f:
        layout = json.load(f)
    with open(SUMMARY, encoding="utf-8") as f:
        summary = json.load(f)

    building_model = layout.get("model", "assets/models/building/twin_building.glb")
    building = Gltf(os.path.join(ROOT, building_model))

    # Floors ------------------------------------------------------------------
    floors = []
    floor_elev = {}
    for fl in layout["floors"]:
        if fl["node"] not in building.names:
            problems.error("floor %s: node %r is not in the building model" % (fl["id"], fl["node"]))
        floors.append({"id": fl["id"], "name": T(fl["name_fr"], fl["name_en"]),
                       "elevation": fl["elevation"], "height": fl["height"], "nodes": [fl["node"]]})
        floor_elev[fl["id"]] = fl["elevation"]

    # Platforms ---------------------------------------------------------------
    platforms = []
    zone_by_pid = {}
    for zone in layout["zones"]:
        pid = platform_id(zone["id"])
        zone_by_pid[pid] = zone
        content = PLATFORMS.get(pid)
        if content is None:
            problems.note("zone %s has no authored text: using the layout's names and a generic description" % zone["id"])
            content = {"name": T(zone["name_fr"], zone["name_en"]),
                       "description": T("Espace du bâtiment Twin.", "A space in the Twin building."),
                       "capacity": max(1, int(zone.get("area_m2", 20) / 10)),
                       "colour": SPARE_COLOURS[len(platforms) % len(SPARE_COLOURS)]}
        seats = seats_from_note(zone.get("note"))
        capacity = seats or content["capacity"]
        desc = T(content["description"]["fr"].format(seats=capacity), content["description"]["en"].format(seats=capacity))
        p = {"id": pid, "name": content["name"], "description": desc, "floor": zone["floor"],
             "footprint": [r3(pt) for pt in zone["footprint"]], "capacity": capacity, "colour": content["colour"]}
        if content.get("services"):
            p["services"] = content["services"]
        if content.get("contact"):
            p["contact"] = {"name": content["contact"][0], "email": content["contact"][1]}
        platforms.append(p)
    for pid in PLATFORMS:
        if pid not in zone_by_pid:
            problems.note("authored platform %r has no zone in the layout any more (left out)" % pid)
    colours = [p["colour"].upper() for p in platforms]
    if len(set(colours)) != len(colours):
        problems.error("platform colours are not distinct")

    # Machines ----------------------------------------------------------------
    machines = []
    placed = []        # (machine id, type, zone, world bounds, placement matrix, gltf)
    counts = {}
    spots = [(zone, spot) for zone in layout["zones"] for spot in zone.get("machine_spots", [])]
    per_type_total = {}
    for _zone, spot in spots:
        per_type_total[spot["type"]] = per_type_total.get(spot["type"], 0) + 1
    models = {}
    for zone, spot in spots:
        mtype = spot["type"]
        content = MACHINES.get(mtype)
        if content is None:
            problems.error("machine spot %s: no authored content for type %r" % (spot["id"], mtype))
            continue
        if mtype not in summary:
            problems.error("machine spot %s: type %r is not in machines_summary.json" % (spot["id"], mtype))
            continue
        model_file = os.path.join(MACHINES_DIR, summary[mtype]["file"])
        if mtype not in models:
            models[mtype] = Gltf(model_file)
        gl = models[mtype]
        counts[mtype] = counts.get(mtype, 0) + 1
        n = counts[mtype]
        mid = "%s-%d" % (content["id"], n)

        # placement: the layout's spot, the type's fix, then kept inside the zone
        fix = PLACEMENT_FIX.get(mtype, {})
        pos = list(spot["position"])
        elevation = zone.get("elevation", floor_elev.get(zone["floor"], 0.0))
        if fix.get("y") is not None:
            pos[1] = elevation + fix["y"]
        yaw = spot.get("yaw_deg", 0.0)
        fwd = fix.get("forward", 0.0)
        right = fix.get("right", 0.0)
        c, s = math.cos(math.radians(yaw)), math.sin(math.radians(yaw))
        pos[0] += s * fwd + c * right      # local +z -> (s, c); local +x -> (c, -s)
        pos[2] += c * fwd - s * right
        lo, hi = box_transform(placement_matrix(pos, yaw), *gl.bounds())
        x0, x1, z0, z1 = polygon_bbox(zone["footprint"])
        dx = max(0.0, (x0 + WALL_CLEARANCE) - lo[0]) - max(0.0, hi[0] - (x1 - WALL_CLEARANCE))
        dz = max(0.0, (z0 + WALL_CLEARANCE) - lo[2]) - max(0.0, hi[2] - (z1 - WALL_CLEARANCE))
        if abs(dx) > 1e-4 or abs(dz) > 1e-4:
            pos[0] += dx
            pos[2] += dz
            problems.note("%s (%s): pushed %.2f m in x, %.2f m in z to stay inside %s"
                          % (mid, spot["id"], dx, dz, zone["id"]))
        m = placement_matrix(pos, yaw)
        wb = box_transform(m, *gl.bounds())
        for corner in ((wb[0][0], wb[0][2]), (wb[1][0], wb[0][2]), (wb[0][0], wb[1][2]), (wb[1][0], wb[1][2])):
            if not point_in_polygon(corner, zone["footprint"]):
                problems.note("%s: a corner of its bounds %s is outside %s" % (mid, r3(corner), zone["id"]))
                break
        # Free space in front of the machine, up to the zone's edge.
        fx, fz = s, c
        front = min((x1 - wb[1][0]) / fx if fx > 1e-6 else float("inf"),
                    (wb[0][0] - x0) / -fx if fx < -1e-6 else float("inf"),
                    (z1 - wb[1][2]) / fz if fz > 1e-6 else float("inf"),
                    (wb[0][2] - z0) / -fz if fz < -1e-6 else float("inf"))
        if front < 0.8:
            problems.note("%s: only %.2f m free in front of it before the wall of %s" % (mid, front, zone["id"]))
        placed.append((mid, mtype, zone, wb, m, gl))

        name = content["name"]
        if per_type_total[mtype] > 1:
            name = T("%s n° %d" % (name["fr"], n), "%s No. %d" % (name["en"], n))
        parts = {}
        for node, part in content["parts"].items():
            if node not in summary[mtype]["parts"]:
                problems.error("%s: part %r is not in machines_summary.json" % (mtype, node))
            if node not in gl.names:
                problems.error("%s: part %r is not a node of %s" % (mtype, node, summary[mtype]["file"]))
            parts[node] = part
        if not 5 <= len(parts) <= 8:
            problems.error("%s: %d parts described, expected 5 to 8" % (mtype, len(parts)))
        machines.append({
            "id": mid,
            "name": name,
            "category": content["category"],
            "model": rel(os.path.relpath(model_file, ROOT)),
            "transform": {"position": r3(pos), "rotationDegrees": r3([0, yaw, 0])},
            "platform": platform_id(zone["id"]),
            "specifications": content["specifications"],
            "safety": {"rules": content["rules"], "protectiveEquipment": content["ppe"]},
            "training": content["training"],
            "parts": parts,
        })

    check_overlaps(placed, building, problems)

    # Tours -------------------------------------------------------------------
    training_zones = [z for z in layout["zones"] if z["id"].startswith("zone_training")]
    ctx = {
        "training_rooms": len(training_zones),
        "training_seats": seats_from_note(training_zones[0].get("note")) if training_zones else 16,
        "entrance_point": r3([layout["entrance"]["position"][0], layout["entrance"].get("canopy_y", 4.0) - 1.0,
                              layout["entrance"]["position"][2]]),
        "building_centre": r3([(layout["building_bounds"]["x"][0] + layout["building_bounds"]["x"][1]) / 2,
                               4.0, (layout["building_bounds"]["z"][0] + layout["building_bounds"]["z"][1]) / 2]),
    }
    viewpoints = {}
    for zone in layout["zones"]:
        for vp in zone.get("viewpoints", []):
            viewpoints["%s/%s" % (zone["id"], vp["name"])] = vp
    for vp in layout.get("exterior_viewpoints", []):
        viewpoints["exterior/%s" % vp["name"]] = vp
    for key, vp in sorted(viewpoints.items()):
        blocker = eye_blocked(vp["eye"], placed)
        if blocker:
            problems.note("layout viewpoint %s: its eye is inside %s's bounds (the layout should move it)" % (key, blocker))
    machine_ids = {m["id"] for m in machines}
    platform_ids = {p["id"] for p in platforms}
    placed_by_id = {p[0]: p for p in placed}

    out_tours = []
    for tour in tours(ctx):
        stops = []
        for k, stop in enumerate(tour["stops"]):
            kind, what = stop["target"]
            where = "tour %s, stop %d" % (tour["id"], k + 1)
            if kind == "platform" and what not in platform_ids:
                problems.error("%s: unknown platform %r" % (where, what))
                continue
            if kind == "machine" and what not in machine_ids:
                problems.error("%s: unknown machine %r" % (where, what))
                continue
            s = {"target": {kind: r3(what) if kind == "point" else what}}
            camera = stop_camera(stop.get("camera"), kind, what, viewpoints, placed_by_id, zone_by_pid,
                                 problems, where)
            if camera:
                s["camera"] = camera
            s["duration"] = stop["duration"]
            s["narration"] = stop["narration"]
            for panel in stop.get("panels", []):
                pk, pv = panel.split(":", 1)
                if (pk == "platform" and pv not in platform_ids) or (pk == "machine" and pv not in machine_ids):
                    problems.error("%s: panel %r names nothing" % (where, panel))
            if stop.get("panels"):
                s["panels"] = stop["panels"]
            stops.append(s)
        total = sum(s["duration"] for s in stops)
        want, tolerance = TOUR_TARGETS.get(tour["id"], (total, 0))
        if abs(total - want) > tolerance:
            problems.error("tour %s lasts %d s, expected %d s (± %d)" % (tour["id"], total, want, tolerance))
        out_tours.append({"id": tour["id"], "title": tour["title"], "audience": tour["audience"], "stops": stops})

    tour_ids = [t["id"] for t in out_tours]
    if not os.path.isfile(os.path.join(ROOT, REPLAY_DATA)):
        problems.note("%s does not exist yet: the app will report feeds.replay until it does" % REPLAY_DATA)
    scene = {
        "format": "twin-tour-scene/1",
        "assetRoot": "..",
        "name": SCENE_NAME,
        "building": {"models": [{"file": rel(building_model)}], "floors": floors, "roofNodes": ["roof"],
                     "waypoints": tour_waypoints(layout, placed, problems)},
        "platforms": platforms,
        "machines": machines,
        "tours": out_tours,
        # The replay data set is made by another script; the scene only points at it.
        "feeds": {"replay": rel(REPLAY_DATA), "staleAfterSeconds": 900},
        "kiosk": {
            "idleTimeoutSeconds": 120,
            "attractTour": "discovery" if "discovery" in tour_ids else tour_ids[0],
            "language": "fr",
            "adminPinHash": "sha256:" + hashlib.sha256(KIOSK_ADMIN_PIN.encode("utf-8")).hexdigest(),
        },
    }
    return finish_texts(scene, problems), placed


def eye_blocked(eye, placed):
    """The machine whose bounds (plus a margin) hold the eye, if any."""
    for mid, _t, _z, (lo, hi), _m, _g in placed:
        if all(lo[i] - 0.3 <= eye[i] <= hi[i] + 0.3 for i in range(3)):
            return mid
    return None


def stop_camera(cam, kind, what, viewpoints, placed_by_id, zone_by_pid, problems, where):
    """Resolve a stop's camera spec (see tours()) to {eye, target}, or None for automatic framing."""
    if cam is None:
        return None
    options = cam if isinstance(cam, list) else [cam]
    for opt in options:
        camera = None
        if isinstance(opt, dict):
            camera = {"eye": r3(opt["eye"]), "target": r3(opt["target"])}
        elif isinstance(opt, str):
            vp = viewpoints.get(opt)
            if vp is None:
                problems.note("%s: viewpoint %r is not in the layout" % (where, opt))
                continue
            camera = {"eye": r3(vp["eye"]), "target": r3(vp["target"])}
        elif opt[0] == "corner":
            zone = zone_by_pid.get(platform_id(opt[1]))
            if zone is None:
                problems.note("%s: zone %r is not in the layout" % (where, opt[1]))
                continue
            camera = corner_camera(zone, opt[2])
        elif kind == "machine":
            camera = machine_camera(placed_by_id[what], opt, problems, where)
        if camera is None:
            continue
        blocker = eye_blocked(camera["eye"], placed_by_id.values())
        if blocker:
            problems.note("%s: camera %r has its eye inside %s; trying the next option" % (where, opt, blocker))
            continue
        return camera
    if kind == "platform" and what in zone_by_pid:
        for corner in ((1, -1), (-1, -1), (1, 1), (-1, 1)):
            camera = corner_camera(zone_by_pid[what], corner)
            if not eye_blocked(camera["eye"], placed_by_id.values()):
                problems.note("%s: falling back to a corner view of %s" % (where, what))
                return camera
    problems.note("%s: no usable camera; automatic framing" % where)
    return None


def corner_camera(zone, corner, inset=1.2, height=2.6):
    """Eye near a corner of the zone's footprint (corner = (sx, sz), -1 = min, +1 = max), looking at its centre."""
    x0, x1, z0, z1 = polygon_bbox(zone["footprint"])
    ex = x0 + inset if corner[0] < 0 else x1 - inset
    ez = z0 + inset if corner[1] < 0 else z1 - inset
    elevation = zone.get("elevation", 0.0)
    return {"eye": r3([ex, elevation + height, ez]),
            "target": r3([(x0 + x1) / 2, elevation + 0.8, (z0 + z1) / 2])}


def machine_camera(placed, how, problems, where):
    """A camera in front of a machine (or one of its parts), kept inside the machine's zone."""
    mid, mtype, zone, wb, m, gl = placed
    yaw_fwd = [m[0][2], m[2][2]]          # world direction of the model's +z
    yaw_right = [m[0][0], m[2][0]]        # world direction of the model's +x
    elevation = zone.get("elevation", 0.0)
    if how[0] == "part":
        i = gl.index(how[1])
        lo, hi = box_transform(m, *gl.subtree_bounds(i))
        size = max(hi[0] - lo[0], hi[2] - lo[2], hi[1] - lo[1])
        dist = max(2.0, 2.6 * size)
        side = 0.35
    else:
        lo, hi = wb
        size = max(hi[0] - lo[0], hi[2] - lo[2], hi[1] - lo[1])
        dist = how[1] * max(1.5, 1.35 * size + 0.5)
        side = 0.45
    centre = [(lo[i] + hi[i]) / 2 for i in range(3)]
    target = [centre[0], lo[1] + 0.45 * (hi[1] - lo[1]), centre[2]]
    eye_y = elevation + min(3.0, max(1.6, hi[1] - elevation + 0.4))
    poly = zone["footprint"]
    # Back off from the wall: shorten the distance until the eye is inside the zone.
    for _ in range(40):
        ex = centre[0] + (yaw_fwd[0] + side * yaw_right[0]) * dist
        ez = centre[2] + (yaw_fwd[1] + side * yaw_right[1]) * dist
        inside = all(point_in_polygon((ex + a, ez + b), poly) for a in (-0.3, 0.3) for b in (-0.3, 0.3))
        if inside:
            break
        dist *= 0.92
    else:
        problems.note("%s: no camera position in front of %s inside %s" % (where, mid, zone["id"]))
    return {"eye": r3([ex, eye_y, ez]), "target": r3(target)}


def check_overlaps(placed, building, problems):
    """Notes for machines overlapping each other or the building's furniture (bounding boxes)."""
    def overlap(a, b, tol=0.02):
        return all(min(a[1][i], b[1][i]) - max(a[0][i], b[0][i]) > tol for i in range(3))

    for i in range(len(placed)):
        for j in range(i + 1, len(placed)):
            if overlap(placed[i][3], placed[j][3]):
                problems.note("%s and %s: bounding boxes overlap" % (placed[i][0], placed[j][0]))
    furniture = []
    for idx, node in enumerate(building.nodes):
        name = node.get("name", "")
        parent = building.parent.get(idx)
        if parent is None or not building.nodes[parent].get("name", "").startswith("zone_"):
            continue
        if name.startswith(("zone_", "sign_", "plaque_")):
            continue
        b = building.subtree_bounds(idx)
        if b is not None:
            furniture.append((name, b))
    for mid, _t, _z, wb, _m, _g in placed:
        for name, b in furniture:
            if overlap(wb, b):
                problems.note("%s overlaps the building's %s (bounding boxes)" % (mid, name))


def main():
    ap = argparse.ArgumentParser(description="Generate scenes/twin.json from the building layout and the machine models.")
    ap.add_argument("--out", default=DEFAULT_OUT, help="scene file to write (default: scenes/twin.json)")
    ap.add_argument("--layout", default=LAYOUT, help="building layout to read (default: assets/src/building/layout.json)")
    args = ap.parse_args()
    problems = Problems()
    scene, _placed = build(problems, args.layout)
    for n in problems.notes:
        print("note: " + n)
    if problems.errors:
        for e in problems.errors:
            print("error: " + e, file=sys.stderr)
        print("%d problem(s); %s not written" % (len(problems.errors), args.out), file=sys.stderr)
        return 1
    out_dir = os.path.dirname(os.path.abspath(args.out))
    os.makedirs(out_dir, exist_ok=True)
    if os.path.abspath(args.out) != os.path.abspath(DEFAULT_OUT):
        print("note: paths are written relative to scenes/; %s must sit in a folder beside assets/" % args.out)
    text = json.dumps(scene, ensure_ascii=False, indent=1) + "\n"
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    by_type = {}
    for mach in scene["machines"]:
        by_type[mach["model"].rsplit("/", 1)[-1]] = by_type.get(mach["model"].rsplit("/", 1)[-1], 0) + 1
    print("wrote %s: %d floors, %d platforms, %d machines (%s), %d tours (%s)" % (
        os.path.relpath(args.out, os.getcwd()), len(scene["building"]["floors"]), len(scene["platforms"]),
        len(scene["machines"]), ", ".join("%s ×%d" % kv for kv in sorted(by_type.items())),
        len(scene["tours"]), ", ".join("%s %d s" % (t["id"], sum(s["duration"] for s in t["stops"]))
                                       for t in scene["tours"])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
