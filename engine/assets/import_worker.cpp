#include "assets/import_worker.h"

#include <exception>
#include <new>

#include <pthread.h>

#include "assets/assimp_importer.h"
#include "assets/import_worker_protocol.h"
#include "assets/model_file.h"

namespace engine {
namespace {

// Assimp recurses over the node tree (import, post-processing, destructor):
// with the default 8 MiB stack it overflows a little past 5,000 nested
// nodes. The import runs on a thread with a larger stack; it is address
// space only until used, but counts towards RLIMIT_AS.
constexpr size_t kImportStackBytes = size_t(128) << 20;

struct ImportJob {
    const ImportWorkerRequest* request;
    int exitCode = int(ImportWorkerExit::ImportFailed);
};

int importAndWrite(const ImportWorkerRequest& request) {
    try {
        ImportTrace trace;
        trace.onStage = [](std::string_view stage) { reportWorkerStage(stage); };
        Result<ModelData> model = importWithAssimp(request.input, request.settings, &trace);
        if (!model) {
            reportWorkerError(model.error());
            return int(ImportWorkerExit::ImportFailed);
        }
        reportWorkerStage("writing");
        if (Status written = writeModelFile(*model, request.output, trace.dependencies); !written) {
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

void* runJob(void* argument) {
    auto* job = static_cast<ImportJob*>(argument);
    job->exitCode = importAndWrite(*job->request);
    return nullptr;
}

}  // namespace

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
    ImportJob job{&*request};
    pthread_attr_t attributes;
    pthread_t thread;
    bool started = false;
    if (pthread_attr_init(&attributes) == 0) {
        started = pthread_attr_setstacksize(&attributes, kImportStackBytes) == 0 &&
                  pthread_create(&thread, &attributes, runJob, &job) == 0;
        pthread_attr_destroy(&attributes);
    }
    // No thread (e.g. a memory limit too small for its stack): import here.
    if (!started) return importAndWrite(*request);
    pthread_join(thread, nullptr);
    return job.exitCode;
}

}  // namespace engine
