/* classify — topic labels with scores from a built-in keyword table.
 *
 * For each label, the weighted number of term occurrences in the article's
 * titles and body is turned into a score in [0, 1) with 1 - exp(-sum / 4);
 * labels at or above `threshold` are added (at most `max-labels`, best
 * first), and `other` when none reaches it. The matched terms are reported
 * in the field `matched_terms` so a user can see why.
 *
 * Instances are read-only after `create`, so the plugin is thread-safe. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "newshost/plugin.h"
#include "taxonomy.h"

typedef struct classify_instance {
    const nh_host_api *host;
    double threshold;
    long max_labels;
} classify_instance;

static nh_str text_of(const char *s) {
    nh_str out = {s, strlen(s)};
    return out;
}

static void fail(const nh_host_api *host, nh_result *result, const char *message) {
    host->set_error(host->host, result, text_of(message));
}

static int key_is(nh_str key, const char *name) {
    size_t len = strlen(name);
    return key.len == len && memcmp(key.data, name, len) == 0;
}

/* Copies an nh_str into a NUL-terminated buffer of `size` bytes. */
static void copy_text(nh_str value, char *buffer, size_t size) {
    size_t len = value.len < size - 1 ? value.len : size - 1;
    if (len > 0) memcpy(buffer, value.data, len);
    buffer[len] = '\0';
}

static int32_t classify_create(const nh_host_api *host, const nh_config *config, void **instance) {
    classify_instance *self = calloc(1, sizeof *self);
    if (self == NULL) return NH_ERR_INTERNAL;
    self->host = host;
    self->threshold = 0.3;
    self->max_labels = 3;
    for (size_t i = 0; i < config->count; i++) {
        nh_kv entry = config->entries[i];
        char value[64], *end = NULL;
        copy_text(entry.value, value, sizeof value);
        if (key_is(entry.key, "threshold")) {
            self->threshold = strtod(value, &end);
            if (end == value || *end != '\0' || !(self->threshold >= 0.0 && self->threshold <= 1.0)) {
                fail(host, NULL, "option threshold must be a number from 0 to 1");
                free(self);
                return NH_ERR_BAD_CONFIG;
            }
        } else if (key_is(entry.key, "max-labels")) {
            self->max_labels = strtol(value, &end, 10);
            if (end == value || *end != '\0' || self->max_labels < 1 || self->max_labels > 20) {
                fail(host, NULL, "option max-labels must be an integer from 1 to 20");
                free(self);
                return NH_ERR_BAD_CONFIG;
            }
        } else {
            fail(host, NULL, "unknown option; classify takes threshold and max-labels");
            free(self);
            return NH_ERR_BAD_CONFIG;
        }
    }
    *instance = self;
    return NH_OK;
}

/* Occurrences of `needle` in `hay`, which may hold NUL bytes. */
static size_t count_in(nh_str hay, const char *needle) {
    size_t n = strlen(needle), count = 0;
    if (hay.data == NULL || n == 0 || hay.len < n) return 0;
    for (size_t i = 0; i + n <= hay.len; i++) {
        if (hay.data[i] == needle[0] && memcmp(hay.data + i, needle, n) == 0) {
            count++;
            i += n - 1;
        }
    }
    return count;
}

static size_t count_in_article(const nh_article *article, const char *needle) {
    size_t count = count_in(article->body, needle);
    for (size_t i = 0; i < article->titles.count; i++) count += count_in(article->titles.items[i], needle);
    return count;
}

typedef struct scored {
    const char *name;
    double score;
} scored;

static int by_score_desc(const void *a, const void *b) {
    double x = ((const scored *)a)->score, y = ((const scored *)b)->score;
    return (x < y) - (x > y);
}

static int32_t classify_process(void *instance, const nh_article *article, nh_result *result) {
    classify_instance *self = instance;
    scored scores[CLASSIFY_LABEL_COUNT];
    char matched[2048];
    size_t used = 0;
    matched[0] = '\0';
    for (size_t l = 0; l < CLASSIFY_LABEL_COUNT; l++) {
        double sum = 0.0;
        for (const classify_term *term = classify_labels[l].terms; term->text != NULL; term++) {
            size_t hits = count_in_article(article, term->text);
            if (hits == 0) continue;
            sum += term->weight * (double)hits;
            int wrote = snprintf(matched + used, sizeof matched - used, "%s%s:%s×%zu",
                                 used ? "; " : "", classify_labels[l].name, term->text, hits);
            if (wrote > 0 && (size_t)wrote < sizeof matched - used) used += (size_t)wrote;
        }
        scores[l].name = classify_labels[l].name;
        scores[l].score = 1.0 - exp(-sum / 4.0);
    }
    qsort(scores, CLASSIFY_LABEL_COUNT, sizeof scores[0], by_score_desc);
    long added = 0;
    for (size_t l = 0; l < CLASSIFY_LABEL_COUNT && added < self->max_labels; l++) {
        if (scores[l].score < self->threshold || scores[l].score <= 0.0) break;
        if (self->host->add_label(result, text_of(scores[l].name), scores[l].score) != NH_OK) {
            fail(self->host, result, "the host refused a label");
            return NH_ERR_INTERNAL;
        }
        added++;
    }
    if (added == 0) self->host->add_label(result, text_of("other"), 1.0 - scores[0].score);
    if (used > 0) self->host->set_field(result, text_of("matched_terms"), text_of(matched));
    return NH_OK;
}

static void classify_destroy(void *instance) {
    free(instance);
}

static const nh_option_spec classify_options[] = {
    {sizeof(nh_option_spec), NH_OPTION_FLOAT, "threshold", "0.3",
     "lowest score (0 to 1) at which a label is added", NULL},
    {sizeof(nh_option_spec), NH_OPTION_INT, "max-labels", "3",
     "most labels added to one article", NULL},
};

static const nh_hook classify_hooks[] = {
    NH_HOOK_ENTRY(NH_HOOK_CREATE, NH_SIG_CREATE, classify_create),
    NH_HOOK_ENTRY(NH_HOOK_PROCESS, NH_SIG_PROCESS, classify_process),
    NH_HOOK_ENTRY(NH_HOOK_DESTROY, NH_SIG_DESTROY, classify_destroy),
};

static const nh_plugin_descriptor classify_descriptor = {
    sizeof(nh_plugin_descriptor),
    NH_ABI_VERSION_MAJOR,
    NH_ABI_VERSION_MINOR,
    "classify",
    "0.1.0",
    "newshost",
    "Topic labels with scores for Chinese district news, from a built-in keyword table",
    NH_KIND_CLASSIFIER,
    NH_FLAG_THREAD_SAFE,
    classify_options,
    sizeof classify_options / sizeof classify_options[0],
    classify_hooks,
    sizeof classify_hooks / sizeof classify_hooks[0],
};

const nh_plugin_descriptor *newshost_plugin_entry(void) {
    return &classify_descriptor;
}
