#define _GNU_SOURCE
#include <dlfcn.h>
#include <stddef.h>

#include "plugin_kit_support.h"

int nh_kit_pin_image(const void *address) {
    Dl_info info;
    if (dladdr(address, &info) == 0 || info.dli_fname == NULL) return -1;
    return dlopen(info.dli_fname, RTLD_NOW | RTLD_NOLOAD | RTLD_NODELETE) != NULL ? 0 : -1;
}
