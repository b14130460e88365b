#include "assets/import_worker.h"

#include <exception>
#include <new>

#include "assets/assimp_importer.h"
#include "assets/import_worker_protocol.h"
#include "assets/model_file.h"

namespace engine {

int runImportWorker(int argc, char** argv) {
    Result<ImportWorkerRequest> request = parseWorkerArguments(argc, argv);
    if (!request) {
        reportWorkerError("import worker: " + request.error());
        return int(ImportWorkerExit::BadUsage);
    }
    // Limits first: nothing of the model has been read yet.
    if (Status limits = applyWorkerLimits(*request); !limits) {
        reportWorkerError("import worker: " + limits.error());
        return int(ImportWorkerExit::BadUsage);
    }
    try {
        ImportTrace trace;
        trace.onStage = [](std::string_view stage) { reportWorkerStage(stage); };
        Result<ModelData> model = importWithAssimp(request->input, request->settings, &trace);
        if (!model) {
            reportWorkerError(model.error());
            return int(ImportWorkerExit::ImportFailed);
        }
        reportWorkerStage("writing");
        if (Status written = writeModelFile(*model, request->output, trace.dependencies); !written) {
            reportWorkerError(written.error());
            return int(ImportWorkerExit::ImportFailed);
        }
        return int(ImportWorkerExit::Success);
    } catch (const std::bad_alloc&) {
        reportWorkerError("out of memory");
        return int(ImportWorkerExit::OutOfMemory);
    } catch (const std::exception& e) {
        reportWorkerError(std::string("import worker: unexpected exception: ") + e.what());
        return int(ImportWorkerExit::ImportFailed);
    }
}

}  // namespace engine
