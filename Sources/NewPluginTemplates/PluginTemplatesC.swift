extension PluginTemplates {
    static func cSource(name: String, kind: Kind) -> String {
        let sym = String(name.map { $0 == "-" ? "_" : $0 })
        let option: (key: String, type: String, defaultValue: String, help: String)
        let fields: String
        let parse: String
        let process: String
        var extra = ""
        var finish = ""
        var destroy = "    free(instance);"
        var hooks = ""
        switch kind {
        case .classifier:
            option = ("min-length", "NH_OPTION_INT", "200", "characters from which an article is labelled long")
            fields = "    long min_length;"
            parse = "self->min_length = parse_long(value, &ok);\n            ok = ok && self->min_length >= 0;"
            process = """
                    /* Count characters (UTF-8 lead bytes), not bytes. */
                    long characters = 0;
                    for (size_t i = 0; i < article->body.len; i++)
                        if (((unsigned char)article->body.data[i] & 0xC0) != 0x80) characters++;
                    return self->host->add_label(result, text(characters >= self->min_length ? "long" : "short"), 1.0);
                """
        case .summarizer:
            option = ("max-bytes", "NH_OPTION_INT", "300", "longest summary in bytes")
            fields = "    long max_bytes;"
            parse = "self->max_bytes = parse_long(value, &ok);\n            ok = ok && self->max_bytes >= 16;"
            extra = """

                /* Length of the valid UTF-8 prefix of s, stopping before a cut character. */
                static size_t valid_utf8_prefix(const char *s, size_t len) {
                    size_t i = 0;
                    while (i < len) {
                        unsigned char c = (unsigned char)s[i];
                        size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
                        if (n == 0 || i + n > len) break;
                        for (size_t k = 1; k < n; k++)
                            if (((unsigned char)s[i + k] & 0xC0) != 0x80) return i;
                        if (c == 0) break;
                        i += n;
                    }
                    return i;
                }

                """
            process = """
                    /* The first sentence (up to 。), at most max_bytes, cut on a character boundary. */
                    size_t len = article->body.len;
                    for (size_t i = 0; i + 3 <= article->body.len; i++) {
                        if (memcmp(article->body.data + i, "\\xE3\\x80\\x82", 3) == 0) { len = i + 3; break; }
                    }
                    if (len > (size_t)self->max_bytes) len = (size_t)self->max_bytes;
                    len = valid_utf8_prefix(article->body.data, len);
                    if (len == 0) return NH_OK; /* nothing usable to summarize */
                    nh_str summary = {article->body.data, len};
                    return self->host->set_summary(result, summary);
                """
        case .exporter:
            option = (
                "path", "NH_OPTION_PATH", "\(name).tsv",
                "output file (tab-separated id and source), written when the run finishes; - for stdout"
            )
            fields = "    char path[4096];\n    char temporary[4200];\n    FILE *file;\n    int committed;"
            parse =
                "ok = strlen(value) > 0 && strlen(value) < sizeof self->path;\n            if (ok) strcpy(self->path, value);"
            process = """
                    if (fwrite(article->id.data, 1, article->id.len, self->file) != article->id.len || fputc('\\t', self->file) == EOF ||
                        fwrite(article->source.data, 1, article->source.len, self->file) != article->source.len || fputc('\\n', self->file) == EOF) {
                        self->host->set_error(self->host->host, result, text("cannot write the output file"));
                        return NH_ERR_IO;
                    }
                    return NH_OK;
                """
            finish = """

                /* Two phases (ABI 1.1): finish makes the output durable, commit makes it
                 * visible, after every plugin of the run has finished. */
                static int32_t \(sym)_finish(void *instance) {
                    \(sym)_instance *self = instance;
                    /* Flush and sync before the rename, so a crash leaves the old file or the new one. */
                    int failed = fflush(self->file) != 0 || (self->temporary[0] != '\\0' && fsync(fileno(self->file)) != 0);
                    failed = fclose(self->file) != 0 || failed;
                    self->file = NULL;
                    if (failed) {
                        if (self->temporary[0] != '\\0') remove(self->temporary);
                        self->temporary[0] = '\\0';
                        self->host->set_error(self->host->host, NULL, text("cannot write the output; check the disk and the directory"));
                        return NH_ERR_IO;
                    }
                    return NH_OK;
                }

                static int32_t \(sym)_commit(void *instance) {
                    \(sym)_instance *self = instance;
                    self->committed = 1;
                    if (self->temporary[0] == '\\0') return NH_OK; /* stdout, a device or a FIFO: written in place */
                    if (rename(self->temporary, self->path) != 0) {
                        remove(self->temporary);
                        self->host->set_error(self->host->host, NULL, text("cannot put the output file in place; check that its directory is writable"));
                        return NH_ERR_IO;
                    }
                    return NH_OK;
                }

                """
            destroy = """
                    \(sym)_instance *self = instance;
                    if (self->file) fclose(self->file);
                    if (!self->committed && self->temporary[0] != '\\0') remove(self->temporary); /* a run that did not commit leaves nothing */
                    free(self);
                """
            hooks = "    NH_FINISH_HOOK(\(sym)_finish),\n    NH_COMMIT_HOOK(\(sym)_commit),\n"
        }
        let open =
            kind == .exporter
            ? """

                    struct stat target;
                    int exists = stat(self->path, &target) == 0;
                    if (strcmp(self->path, "-") == 0) {
                        /* The run's real stdout (fd 1 points at stderr while plugins run, ABI 1.1). */
                        int out = NH_HAS_FIELD(host, nh_host_api, stdout_fd) ? host->stdout_fd : 1;
                        int copy = dup(out);
                        self->file = copy < 0 ? NULL : fdopen(copy, "w");
                    } else if (exists && !S_ISREG(target.st_mode)) {
                        self->file = fopen(self->path, "w"); /* a device or FIFO: never replaced */
                    } else {
                        /* A hidden name in the target's directory, unique to this process and
                         * instance, renamed over the target in commit. */
                        const char *slash = strrchr(self->path, '/');
                        int directory = slash ? (int)(slash - self->path + 1) : 0;
                        snprintf(self->temporary, sizeof self->temporary, "%.*s.%s.%ld-%p.tmp", directory, self->path,
                                 self->path + directory, (long)getpid(), (void *)self);
                        int descriptor = open(self->temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
                        if (descriptor >= 0 && exists) fchmod(descriptor, target.st_mode & 07777); /* keep the mode */
                        if (descriptor < 0) self->temporary[0] = '\\0';
                        self->file = descriptor < 0 ? NULL : fdopen(descriptor, "w");
                    }
                    if (self->file == NULL) {
                        host->set_error(host->host, NULL, text("cannot create the output file; check that its directory is writable"));
                        free(self);
                        return NH_ERR_IO;
                    }
            """ : ""
        let parseLong = """

            static long parse_long(const char *value, int *ok) {
                char *end = NULL;
                long result = strtol(value, &end, 10);
                *ok = end != value && *end == '\\0';
                return result;
            }

            """
        let defaults = kind == .exporter ? "    strcpy(self->path, \"\(option.defaultValue)\");\n" : ""
        return """
            /* \(name) — a newshost \(kind.rawValue) plugin, generated by `newshost new-plugin`.
             * Build: make   (needs `pkg-config newshost-plugin`)   Check: make conformance */
            #define _POSIX_C_SOURCE 200809L
            #include <stdio.h>
            #include <stdlib.h>
            #include <string.h>
            #include <fcntl.h>
            #include <sys/stat.h>
            #include <unistd.h>

            #include <newshost/plugin.h>

            typedef struct \(sym)_instance {
                const nh_host_api *host;
            \(fields)
            } \(sym)_instance;

            static nh_str text(const char *s) {
                nh_str out = {s, strlen(s)};
                return out;
            }

            \(kind == .exporter ? "" : parseLong)\(extra)
            static int32_t \(sym)_create(const nh_host_api *host, const nh_config *config, void **instance) {
                \(sym)_instance *self = calloc(1, sizeof *self);
                if (self == NULL) return NH_ERR_INTERNAL;
                self->host = host;
            \(kind == .classifier ? "    self->min_length = \(option.defaultValue);\n" : kind == .summarizer ? "    self->max_bytes = \(option.defaultValue);\n" : defaults)    for (size_t i = 0; i < config->count; i++) {
                    nh_kv kv = config->entries[i];
                    char value[4096];
                    int ok = 0;
                    if (kv.key.len == \(option.key.utf8.count) && memcmp(kv.key.data, "\(option.key)", \(option.key.utf8.count)) == 0 && kv.value.len < sizeof value) {
                        memcpy(value, kv.value.data, kv.value.len);
                        value[kv.value.len] = '\\0';
                        \(parse)
                        if (!ok) {
                            host->set_error(host->host, NULL, text("option \(option.key): \(option.help); the value is not usable"));
                            free(self);
                            return NH_ERR_BAD_CONFIG;
                        }
                    } else {
                        host->set_error(host->host, NULL, text("unknown option; \(name) takes only `\(option.key)`"));
                        free(self);
                        return NH_ERR_BAD_CONFIG;
                    }
                }\(open)
                *instance = self;
                return NH_OK;
            }

            static int32_t \(sym)_process(void *instance, const nh_article *article, nh_result *result) {
                \(sym)_instance *self = instance;
            \(process)
            }
            \(finish)
            static void \(sym)_destroy(void *instance) {
            \(destroy)
            }

            static const nh_option_spec \(sym)_options[] = {
                {sizeof(nh_option_spec), \(option.type), "\(option.key)", "\(option.defaultValue)", "\(option.help)", NULL},
            };

            static const nh_hook \(sym)_hooks[] = {
                NH_CREATE_HOOK(\(sym)_create),
                NH_PROCESS_HOOK(\(sym)_process),
            \(hooks)    NH_DESTROY_HOOK(\(sym)_destroy),
            };

            static const nh_plugin_descriptor \(sym)_descriptor = {
                sizeof(nh_plugin_descriptor), NH_ABI_VERSION_MAJOR, NH_ABI_VERSION_MINOR,
                "\(name)", "0.1.0", "your name", "A \(kind.rawValue) generated by newshost new-plugin",
                NH_KIND_\(kind.rawValue.uppercased()), \(kind == .exporter ? "0" : "NH_FLAG_THREAD_SAFE"),
                \(sym)_options, sizeof \(sym)_options / sizeof \(sym)_options[0],
                \(sym)_hooks, sizeof \(sym)_hooks / sizeof \(sym)_hooks[0],
            };

            const nh_plugin_descriptor *newshost_plugin_entry(void) {
                return &\(sym)_descriptor;
            }

            """
    }
}
