// A classifier written in C++ against the ABI header alone, built by the
// tests with -fvisibility=hidden and the strict warnings C++ shops use.
// With -DWRONG_PROTOTYPE its `process` takes (double, int): that must not
// compile.
#include <cstring>
#include <new>

#include "newshost/plugin.h"

namespace {

struct Instance {
    const nh_host_api *host;
};

nh_str text(const char *value) {
    return nh_str{value, std::strlen(value)};
}

int32_t create(const nh_host_api *host, const nh_config *config, void **instance) {
    if (config->count != 0) {
        host->set_error(host->host, nullptr, text("cxx-plugin takes no options"));
        return NH_ERR_BAD_CONFIG;
    }
    auto *self = new (std::nothrow) Instance{host};
    if (self == nullptr) return NH_ERR_INTERNAL;
    *instance = self;
    return NH_OK;
}

#ifdef WRONG_PROTOTYPE
int32_t process(double instance, int article) {
    return static_cast<int32_t>(instance) + article;
}
#else
int32_t process(void *instance, const nh_article *article, nh_result *result) {
    try {
        auto *self = static_cast<Instance *>(instance);
        const char *label = article->body.len > 0 ? "has-body" : "empty";
        return self->host->add_label(result, text(label), 1.0);
    } catch (...) {
        return NH_ERR_INTERNAL;  // nothing unwinds across the boundary
    }
}
#endif

void destroy(void *instance) {
    delete static_cast<Instance *>(instance);
}

const nh_hook hooks[] = {
    NH_CREATE_HOOK(create),
    NH_PROCESS_HOOK(process),
    NH_DESTROY_HOOK(destroy),
};

const nh_plugin_descriptor descriptor = {
    sizeof(nh_plugin_descriptor), NH_ABI_VERSION_MAJOR, NH_ABI_VERSION_MINOR,
    "cxx-plugin", "1.0.0", "newshost tests", "A classifier written in C++",
    NH_KIND_CLASSIFIER, 0, nullptr, 0, hooks, sizeof hooks / sizeof hooks[0],
};

}  // namespace

const nh_plugin_descriptor *newshost_plugin_entry(void) {
    return &descriptor;
}
