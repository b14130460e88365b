#pragma once
// Keeps Mesa's GL driver loaded once a context has loaded it.
//
// eglTerminate and glfwTerminate unload the DRI driver (and the LLVM it
// links). What the driver set up once per process (pthread_once tables,
// driconf strings) is still pointed to by its globals until then; once
// they are unmapped, LeakSanitizer sees those blocks as leaks with no
// module to name, and a process that opened a second context would set
// them up again. Pinning the driver keeps them reachable, as they are.

namespace engine {

// Marks every loaded Mesa driver (".../*_dri.so", "libgallium*.so") as
// never to be unloaded. Safe to call any number of times; does nothing
// where no such driver is loaded (another vendor's GL).
void keepGlDriverLoaded();

}  // namespace engine
