/*
 * The plugin of the dispatch benchmark, in one C file built three ways:
 *   - as a newshost plugin (cc -shared): the host's own path, libffi and the
 *     borrowed article view; -DNOOP gives the no-op variant;
 *   - as plain functions in the same .so, called through a C function
 *     pointer: the floor;
 *   - as a WebAssembly module (clang --target=wasm32), run by WasmKit.
 * The work is the same everywhere: read every byte of the article body and
 * pick one of eight labels from it.
 */
#include <stddef.h>
#include <stdint.h>

/* Counts the lead bytes of three-byte UTF-8 sequences (CJK characters). */
static int32_t pick_label(const unsigned char *bytes, size_t length) {
    uint32_t count = 0;
    for (size_t i = 0; i < length; i++) count += (bytes[i] & 0xF0) == 0xE0;
    return (int32_t)(count % 8);
}

#ifdef __wasm__

/* WebAssembly: the host copies the body into this buffer, then calls. */
static unsigned char buffer[1 << 16];

__attribute__((export_name("nb_buffer"))) unsigned char *nb_buffer(void) { return buffer; }
__attribute__((export_name("nb_noop"))) int32_t nb_noop(void) { return 0; }
__attribute__((export_name("nb_label"))) int32_t nb_label(int32_t length) { return pick_label(buffer, (size_t)length); }

#else

#include <newshost/plugin.h>
#include <stdlib.h>

/* The floor: called directly through a function pointer found with dlsym. */
int32_t nb_noop(void) { return 0; }
int32_t nb_label(const unsigned char *bytes, size_t length) { return pick_label(bytes, length); }

static const char *const label_names[8] = {"l0", "l1", "l2", "l3", "l4", "l5", "l6", "l7"};
static const nh_host_api *host_api;

static int32_t bench_create(const nh_host_api *host, const nh_config *config, void **instance) {
    (void)config;
    host_api = host;
    *instance = (void *)1;
    return NH_OK;
}

static int32_t bench_process(void *instance, const nh_article *article, nh_result *result) {
    (void)instance;
#ifdef NOOP
    (void)article;
    (void)result;
    return NH_OK;
#else
    const char *name = label_names[pick_label((const unsigned char *)article->body.data, article->body.len)];
    nh_str label = {name, 2};
    return host_api->add_label(result, label, 1.0);
#endif
}

static void bench_destroy(void *instance) { (void)instance; }

static const nh_hook bench_hooks[] = {
    NH_CREATE_HOOK(bench_create),
    NH_PROCESS_HOOK(bench_process),
    NH_DESTROY_HOOK(bench_destroy),
};

static const nh_plugin_descriptor bench_descriptor = {
    sizeof(nh_plugin_descriptor), NH_ABI_VERSION_MAJOR, NH_ABI_VERSION_MINOR,
#ifdef NOOP
    "bench-noop", "1.0.0", "newshost", "dispatch benchmark: does nothing",
#else
    "bench-label", "1.0.0", "newshost", "dispatch benchmark: one label from the body's bytes",
#endif
    NH_KIND_CLASSIFIER, NH_FLAG_THREAD_SAFE,
    NULL, 0, bench_hooks, sizeof bench_hooks / sizeof bench_hooks[0],
};

const nh_plugin_descriptor *newshost_plugin_entry(void) { return &bench_descriptor; }

#endif
