/* wordcount — a complete newshost plugin in plain C, built the way a third
 * party builds one, against nothing but the ABI header:
 *
 *     cc -std=c11 -shared -fPIC $(pkg-config --cflags newshost-plugin) \
 *        wordcount.c -o libwordcount.so
 *     newshost run --plugin-path . --plugins wordcount,export-csv seeds/
 *
 * It is a classifier that labels each article `long` or `short` by the
 * number of characters (not bytes) in its body, and records the count. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <newshost/plugin.h>

typedef struct wordcount {
    const nh_host_api *host;
    long threshold;
} wordcount;

static nh_str text(const char *s) {
    nh_str out = {s, strlen(s)};
    return out;
}

static int32_t wc_create(const nh_host_api *host, const nh_config *config, void **instance) {
    wordcount *self = calloc(1, sizeof *self);
    if (self == NULL) return NH_ERR_INTERNAL;
    self->host = host;
    self->threshold = 800;
    for (size_t i = 0; i < config->count; i++) {
        char value[32] = {0};
        nh_kv kv = config->entries[i];
        if (kv.key.len == 9 && memcmp(kv.key.data, "threshold", 9) == 0 && kv.value.len < sizeof value) {
            memcpy(value, kv.value.data, kv.value.len);
            self->threshold = strtol(value, NULL, 10);
        } else {
            host->set_error(host->host, NULL, text("unknown option; wordcount takes `threshold`"));
            free(self);
            return NH_ERR_BAD_CONFIG;
        }
    }
    *instance = self;
    return NH_OK;
}

static int32_t wc_process(void *instance, const nh_article *article, nh_result *result) {
    wordcount *self = instance;
    long characters = 0;
    for (size_t i = 0; i < article->body.len; i++) {
        /* Count UTF-8 lead bytes: every byte that is not 10xxxxxx. */
        if (((unsigned char)article->body.data[i] & 0xC0) != 0x80) characters++;
    }
    char count[32];
    snprintf(count, sizeof count, "%ld", characters);
    self->host->set_field(result, text("characters"), text(count));
    return self->host->add_label(result, text(characters >= self->threshold ? "long" : "short"), 1.0);
}

static void wc_destroy(void *instance) {
    free(instance);
}

static const nh_option_spec wc_options[] = {
    {sizeof(nh_option_spec), NH_OPTION_INT, "threshold", "800", "characters from which an article is long", NULL},
};

static const nh_hook wc_hooks[] = {
    NH_CREATE_HOOK(wc_create),
    NH_PROCESS_HOOK(wc_process),
    NH_DESTROY_HOOK(wc_destroy),
};

static const nh_plugin_descriptor wc_descriptor = {
    sizeof(nh_plugin_descriptor), NH_ABI_VERSION_MAJOR, NH_ABI_VERSION_MINOR,
    "wordcount", "1.0.0", "example vendor", "Labels articles long or short by body length",
    NH_KIND_CLASSIFIER, NH_FLAG_THREAD_SAFE,
    wc_options, 1, wc_hooks, 3,
};

const nh_plugin_descriptor *newshost_plugin_entry(void) {
    return &wc_descriptor;
}
