// Linked into every import worker program (engine_import_worker_options).
// Under AddressSanitizer, malloc past the worker's memory limit returns null
// as it does without it (stb_image and Assimp's C code check for that)
// instead of ending in a sanitizer report: the limit is the worker's job,
// not a bug. (operator new still ends in ASan's "out-of-memory" report; the
// importer reads that as running out of memory.)
#if defined(__SANITIZE_ADDRESS__)
#define ENGINE_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ENGINE_ASAN 1
#endif
#endif

#ifdef ENGINE_ASAN
// A crash must end the worker as it would without the sanitizer (killed by
// the signal, which the importer reports with the stage it happened in).
extern "C" const char* __asan_default_options() {
    return "allocator_may_return_null=1:handle_segv=0:handle_sigbus=0:handle_sigfpe=0:handle_sigill=0:handle_abort=0";
}
#endif
