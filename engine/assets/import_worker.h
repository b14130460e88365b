#pragma once
// The import worker's whole program. An application ships a tiny
// executable whose main() returns engine::runImportWorker(argc, argv) and
// points IsolatedImportDesc::workerExecutable at it. Links Assimp (target
// engine_assets_import).

namespace engine {

// Runs one import as IsolatedImporter asks (command line, exit codes and
// stderr lines in import_worker_protocol.h): applies the memory, CPU and
// core limits, imports with importWithAssimp, writes the model file with its
// dependency list atomically to --output. Returns the exit code.
int runImportWorker(int argc, char** argv);

}  // namespace engine
