// The real import worker, built for the corpus test.
#include "assets/import_worker.h"

int main(int argc, char** argv) { return engine::runImportWorker(argc, argv); }
