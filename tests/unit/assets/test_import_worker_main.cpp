// The real import worker, built for the tests so they do not depend on the
// application's targets.
#include "assets/import_worker.h"

int main(int argc, char** argv) { return engine::runImportWorker(argc, argv); }
