// A newshost classifier in C++ (C++17, the ABI header only): labels every
// article `signed` or `unsigned` by whether the page gave it a byline, and
// sets the field `byline-count`.
//
//     c++ -std=c++17 -Wall -Wextra -shared -fPIC -fvisibility=hidden
//         $(pkg-config --cflags newshost-plugin) bylines.cpp -o libcxx-bylines.so
//     newshost conformance --level 3 ./libcxx-bylines.so
#include <cstring>
#include <new>
#include <string>

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
        host->set_error(host->host, nullptr, text("cxx-bylines takes no options"));
        return NH_ERR_BAD_CONFIG;
    }
    auto *self = new (std::nothrow) Instance{host};
    if (self == nullptr) return NH_ERR_INTERNAL;
    *instance = self;
    return NH_OK;
}

int32_t process(void *instance, const nh_article *article, nh_result *result) {
    // No exception may cross the boundary.
    try {
        const auto *self = static_cast<const Instance *>(instance);
        const std::string count = std::to_string(article->bylines.count);
        self->host->set_field(result, text("byline-count"), nh_str{count.data(), count.size()});
        return self->host->add_label(result, text(article->bylines.count > 0 ? "signed" : "unsigned"), 1.0);
    } catch (...) {
        return NH_ERR_INTERNAL;
    }
}

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
    "cxx-bylines", "1.0.0", "newshost examples", "Labels articles signed or unsigned by their bylines (C++)",
    NH_KIND_CLASSIFIER, 0, nullptr, 0, hooks, sizeof hooks / sizeof hooks[0],
};

}  // namespace

const nh_plugin_descriptor *newshost_plugin_entry(void) {
    return &descriptor;
}
