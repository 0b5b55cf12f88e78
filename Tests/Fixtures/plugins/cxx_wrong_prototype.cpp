// A hook table whose `process` has the wrong prototype, in C++: the typed
// hook macro must refuse to compile it (the tests check that it does not).
#include "newshost/plugin.h"

namespace {

int32_t create(const nh_host_api *, const nh_config *, void **) {
    return NH_OK;
}

int32_t process(double instance, int article) {
    return static_cast<int32_t>(instance) + article;
}

void destroy(void *) {}

const nh_hook hooks[] = {
    NH_CREATE_HOOK(create),
    NH_PROCESS_HOOK(process),
    NH_DESTROY_HOOK(destroy),
};

}  // namespace

const nh_hook *wrong_hooks(void) {
    return hooks;
}
