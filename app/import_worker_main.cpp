// twin-tour-import: the child process that runs Assimp, so that a model that
// crashes or floods memory inside Assimp cannot take the tour down.
#include "assets/import_worker.h"

int main(int argc, char** argv) { return engine::runImportWorker(argc, argv); }
