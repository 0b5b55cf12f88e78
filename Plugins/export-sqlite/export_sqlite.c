/* export-sqlite — writes articles and their annotations into a SQLite
 * database, in one transaction per run.
 *
 * Tables (see Plugins/export-sqlite/README.md):
 *   articles(id PK, source, idx, headline, titles, bylines, dateline, body,
 *            paragraphs, captions, subheadings, summary, summary_plugin)
 *   labels(article_id FK, plugin, name, score)      PK (article_id, plugin, name)
 *   keywords(article_id FK, plugin, term, weight, rank)  PK (article_id, plugin, term)
 *   fields(article_id FK, plugin, key, value)       PK (article_id, plugin, key)
 * List columns (titles, bylines, paragraphs, …) hold JSON arrays, so SQLite's
 * json_each() can open them.
 *
 * Re-running on the same input updates rows in place (articles are keyed by
 * id; an article's annotations are replaced). `create` begins the
 * transaction, `commit` commits it (the host calls `finish` and then
 * `commit` whenever a run ends, also after a plugin failure or an
 * interrupt, so what went through is kept; `commit` only after every
 * plugin has finished), `destroy` without `commit` rolls it back and
 * removes the file if this run created it: a run that never reaches its end
 * leaves the database exactly as it was. Not thread-safe (one connection). */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "newshost/plugin.h"

enum { ST_UPSERT, ST_DEL_LABELS, ST_DEL_KEYWORDS, ST_DEL_FIELDS, ST_LABEL, ST_KEYWORD, ST_FIELD, ST_COUNT };

static const char *const statements[ST_COUNT] = {
    "INSERT INTO articles(id, source, idx, headline, titles, bylines, dateline, body, paragraphs, captions,"
    " subheadings, summary, summary_plugin) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13)"
    " ON CONFLICT(id) DO UPDATE SET source=excluded.source, idx=excluded.idx, headline=excluded.headline,"
    " titles=excluded.titles, bylines=excluded.bylines, dateline=excluded.dateline, body=excluded.body,"
    " paragraphs=excluded.paragraphs, captions=excluded.captions, subheadings=excluded.subheadings,"
    " summary=excluded.summary, summary_plugin=excluded.summary_plugin",
    "DELETE FROM labels WHERE article_id = ?1",
    "DELETE FROM keywords WHERE article_id = ?1",
    "DELETE FROM fields WHERE article_id = ?1",
    "INSERT INTO labels(article_id, plugin, name, score) VALUES(?1,?2,?3,?4)"
    " ON CONFLICT(article_id, plugin, name) DO UPDATE SET score=excluded.score",
    "INSERT INTO keywords(article_id, plugin, term, weight, rank) VALUES(?1,?2,?3,?4,?5)"
    " ON CONFLICT(article_id, plugin, term) DO UPDATE SET weight=excluded.weight, rank=excluded.rank",
    "INSERT INTO fields(article_id, plugin, key, value) VALUES(?1,?2,?3,?4)"
    " ON CONFLICT(article_id, plugin, key) DO UPDATE SET value=excluded.value",
};

static const char schema[] =
    "PRAGMA foreign_keys = ON;"
    "CREATE TABLE IF NOT EXISTS articles ("
    " id TEXT PRIMARY KEY, source TEXT NOT NULL, idx INTEGER NOT NULL, headline TEXT,"
    " titles TEXT NOT NULL, bylines TEXT NOT NULL, dateline TEXT, body TEXT NOT NULL,"
    " paragraphs TEXT NOT NULL, captions TEXT NOT NULL, subheadings TEXT NOT NULL,"
    " summary TEXT, summary_plugin TEXT);"
    "CREATE INDEX IF NOT EXISTS articles_by_source ON articles(source, idx);"
    "CREATE TABLE IF NOT EXISTS labels ("
    " article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
    " plugin TEXT NOT NULL, name TEXT NOT NULL, score REAL NOT NULL CHECK (score >= 0 AND score <= 1),"
    " PRIMARY KEY (article_id, plugin, name));"
    "CREATE INDEX IF NOT EXISTS labels_by_name ON labels(name, score);"
    "CREATE TABLE IF NOT EXISTS keywords ("
    " article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
    " plugin TEXT NOT NULL, term TEXT NOT NULL, weight REAL NOT NULL, rank INTEGER NOT NULL,"
    " PRIMARY KEY (article_id, plugin, term));"
    "CREATE INDEX IF NOT EXISTS keywords_by_term ON keywords(term);"
    "CREATE TABLE IF NOT EXISTS fields ("
    " article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
    " plugin TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL,"
    " PRIMARY KEY (article_id, plugin, key));"
    "CREATE INDEX IF NOT EXISTS fields_by_key ON fields(key);";

typedef struct exporter {
    const nh_host_api *host;
    sqlite3 *db;
    sqlite3_stmt *stmt[ST_COUNT];
    char *path;
    int created_file;
    int committed;
} exporter;

/* A growable byte buffer for JSON arrays and messages. */
typedef struct buffer {
    char *data;
    size_t len, cap;
} buffer;

static int buffer_add(buffer *b, const char *bytes, size_t n) {
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n + 1) cap *= 2;
        char *grown = realloc(b->data, cap);
        if (grown == NULL) return -1;
        b->data = grown;
        b->cap = cap;
    }
    memcpy(b->data + b->len, bytes, n);
    b->len += n;
    b->data[b->len] = '\0';
    return 0;
}

/* Appends `s` as a JSON string literal. */
static int buffer_add_json_string(buffer *b, nh_str s) {
    if (buffer_add(b, "\"", 1)) return -1;
    for (size_t i = 0; i < s.len; i++) {
        unsigned char c = (unsigned char)s.data[i];
        char escaped[8];
        if (c == '"' || c == '\\') {
            escaped[0] = '\\';
            escaped[1] = (char)c;
            if (buffer_add(b, escaped, 2)) return -1;
        } else if (c < 0x20) {
            snprintf(escaped, sizeof escaped, "\\u%04x", c);
            if (buffer_add(b, escaped, 6)) return -1;
        } else if (buffer_add(b, (const char *)&c, 1)) {
            return -1;
        }
    }
    return buffer_add(b, "\"", 1);
}

static int json_array(buffer *b, nh_str_list list) {
    b->len = 0;
    if (buffer_add(b, "[", 1)) return -1;
    for (size_t i = 0; i < list.count; i++) {
        if (i > 0 && buffer_add(b, ",", 1)) return -1;
        if (buffer_add_json_string(b, list.items[i])) return -1;
    }
    return buffer_add(b, "]", 1);
}

/* The record `prepare` makes, on the host's worker threads: the five JSON
 * array columns (titles, bylines, paragraphs, captions, subheadings), each
 * a 4-byte length in host byte order (the record never leaves the process)
 * and its bytes. The ordered `process` only binds them. */
enum { LIST_COLUMNS = 5 };

static int encode_lists(buffer *record, const nh_article *a) {
    nh_str_list lists[LIST_COLUMNS] = {a->titles, a->bylines, a->paragraphs, a->captions, a->subheadings};
    buffer json = {0};
    int failed = 0;
    for (int i = 0; i < LIST_COLUMNS && !failed; i++) {
        failed = json_array(&json, lists[i]) != 0;
        uint32_t length = (uint32_t)json.len;
        failed = failed || buffer_add(record, (const char *)&length, sizeof length) || buffer_add(record, json.data, json.len);
    }
    free(json.data);
    return failed ? -1 : 0;
}

/* Binds the list columns from `record` (as `encode_lists` wrote it) to the
 * upsert; -1 if it is not such a record. */
static int bind_lists(sqlite3_stmt *upsert, nh_str record) {
    static const int columns[LIST_COLUMNS] = {5, 6, 9, 10, 11};
    const char *cursor = record.data, *end = record.data + record.len;
    for (int i = 0; i < LIST_COLUMNS; i++) {
        uint32_t length;
        if ((size_t)(end - cursor) < sizeof length) return -1;
        memcpy(&length, cursor, sizeof length);
        cursor += sizeof length;
        if ((size_t)(end - cursor) < length) return -1;
        /* Static: `step` runs within this call and clears the bindings. */
        if (sqlite3_bind_text(upsert, columns[i], cursor, (int)length, SQLITE_STATIC) != SQLITE_OK) return -1;
        cursor += length;
    }
    return cursor == end ? 0 : -1;
}

static nh_str str(const char *s) {
    nh_str out = {s, strlen(s)};
    return out;
}

static void report(const nh_host_api *host, nh_result *result, const char *what, const char *detail) {
    buffer b = {0};
    buffer_add(&b, what, strlen(what));
    if (detail) {
        buffer_add(&b, ": ", 2);
        buffer_add(&b, detail, strlen(detail));
    }
    host->set_error(host->host, result, b.data ? (nh_str){b.data, b.len} : str(what));
    free(b.data);
}

static int bind_text(sqlite3_stmt *stmt, int index, nh_str s) {
    return sqlite3_bind_text(stmt, index, s.data ? s.data : "", (int)s.len, SQLITE_TRANSIENT);
}

static int bind_text_or_null(sqlite3_stmt *stmt, int index, nh_str s) {
    return s.len == 0 ? sqlite3_bind_null(stmt, index) : bind_text(stmt, index, s);
}

static int step(sqlite3_stmt *stmt) {
    int rc = sqlite3_step(stmt);
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static void close_all(exporter *self) {
    for (int i = 0; i < ST_COUNT; i++) sqlite3_finalize(self->stmt[i]);
    if (self->db) sqlite3_close(self->db);
    free(self->path);
    free(self);
}

static int32_t fail_create(exporter *self, const char *what) {
    report(self->host, NULL, what, self->db ? sqlite3_errmsg(self->db) : NULL);
    if (self->db) sqlite3_exec(self->db, "ROLLBACK", NULL, NULL, NULL);
    if (self->created_file) unlink(self->path);
    close_all(self);
    return NH_ERR_IO;
}

static int32_t es_create(const nh_host_api *host, const nh_config *config, void **instance) {
    exporter *self = calloc(1, sizeof *self);
    if (self == NULL) return NH_ERR_INTERNAL;
    self->host = host;
    const char *path = "newshost.sqlite";
    size_t path_len = strlen(path);
    for (size_t i = 0; i < config->count; i++) {
        nh_kv kv = config->entries[i];
        if (kv.key.len == 4 && memcmp(kv.key.data, "path", 4) == 0 && kv.value.len > 0) {
            path = kv.value.data;
            path_len = kv.value.len;
        } else if (!(kv.key.len == 4 && memcmp(kv.key.data, "path", 4) == 0)) {
            report(host, NULL, "unknown option; export-sqlite takes only `path`", NULL);
            free(self);
            return NH_ERR_BAD_CONFIG;
        }
    }
    if (memchr(path, '\0', path_len) != NULL || (path_len == 1 && path[0] == '-')) {
        report(host, NULL, "option path must name a database file (stdout cannot hold a database)", NULL);
        free(self);
        return NH_ERR_BAD_CONFIG;
    }
    self->path = malloc(path_len + 1);
    if (self->path == NULL) {
        free(self);
        return NH_ERR_INTERNAL;
    }
    memcpy(self->path, path, path_len);
    self->path[path_len] = '\0';
    self->created_file = access(self->path, F_OK) != 0;
    /* A database lives in a regular file: never open a device, FIFO or
     * directory as one (SQLite would write its journal next to it and
     * could truncate a device it takes for an empty database). */
    struct stat target;
    if (!self->created_file && (stat(self->path, &target) != 0 || !S_ISREG(target.st_mode))) {
        report(host, NULL, "option path must name a regular file (a database cannot be written to a device, FIFO or directory)", NULL);
        free(self->path);
        free(self);
        return NH_ERR_BAD_CONFIG;
    }

    if (sqlite3_open_v2(self->path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
        return fail_create(self, "cannot open the database");
    }
    sqlite3_busy_timeout(self->db, 5000);
    if (sqlite3_exec(self->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) {
        return fail_create(self, "cannot start a transaction (is the path writable, and a SQLite database?)");
    }
    if (sqlite3_exec(self->db, schema, NULL, NULL, NULL) != SQLITE_OK) {
        return fail_create(self, "cannot create the tables");
    }
    for (int i = 0; i < ST_COUNT; i++) {
        if (sqlite3_prepare_v2(self->db, statements[i], -1, &self->stmt[i], NULL) != SQLITE_OK) {
            return fail_create(self, "the database has an incompatible schema");
        }
    }
    *instance = self;
    return NH_OK;
}

static int32_t es_prepare(void *instance, const nh_article *a, nh_result *result) {
    exporter *self = instance;
    buffer record = {0};
    if (encode_lists(&record, a)) {
        free(record.data);
        report(self->host, result, "out of memory", NULL);
        return NH_ERR_INTERNAL;
    }
    int32_t status = self->host->set_record(result, (nh_str){record.data, record.len});
    free(record.data);
    return status;
}

static int32_t es_process(void *instance, const nh_article *a, nh_result *result) {
    exporter *self = instance;
    nh_str summary = {NULL, 0}, summary_plugin = {NULL, 0};
    if (a->summary_count > 0) {
        summary = a->summaries[a->summary_count - 1]->text;
        summary_plugin = a->summaries[a->summary_count - 1]->plugin;
    }
    /* The record `prepare` made; without one (a call outside a run), made here. */
    buffer own = {0};
    nh_str record = NH_HAS_FIELD(a, nh_article, record) ? a->record : (nh_str){NULL, 0};
    if (record.len == 0) {
        if (encode_lists(&own, a)) {
            free(own.data);
            report(self->host, result, "out of memory", NULL);
            return NH_ERR_INTERNAL;
        }
        record = (nh_str){own.data, own.len};
    }
    sqlite3_stmt *up = self->stmt[ST_UPSERT];
    int rc = SQLITE_OK;
    rc |= bind_text(up, 1, a->id);
    rc |= bind_text(up, 2, a->source);
    rc |= sqlite3_bind_int64(up, 3, (sqlite3_int64)a->index);
    rc |= bind_text_or_null(up, 4, a->headline);
    if (bind_lists(up, record)) {
        free(own.data);
        sqlite3_clear_bindings(up);
        report(self->host, result, "the record made by prepare is malformed", NULL);
        return NH_ERR_INTERNAL;
    }
    rc |= bind_text_or_null(up, 7, a->dateline);
    rc |= bind_text(up, 8, a->body);
    rc |= bind_text_or_null(up, 12, summary);
    rc |= bind_text_or_null(up, 13, summary_plugin);
    int stepped = rc == SQLITE_OK ? step(up) : rc;
    free(own.data);
    if (stepped != SQLITE_OK) {
        sqlite3_clear_bindings(up);
        goto failed;
    }

    for (int s = ST_DEL_LABELS; s <= ST_DEL_FIELDS; s++) {
        if (bind_text(self->stmt[s], 1, a->id) != SQLITE_OK || step(self->stmt[s]) != SQLITE_OK) goto failed;
    }
    for (size_t i = 0; i < a->label_count; i++) {
        sqlite3_stmt *st = self->stmt[ST_LABEL];
        if (bind_text(st, 1, a->id) || bind_text(st, 2, a->labels[i]->plugin) || bind_text(st, 3, a->labels[i]->name) ||
            sqlite3_bind_double(st, 4, a->labels[i]->score) || step(st))
            goto failed;
    }
    for (size_t i = 0; i < a->keyword_count; i++) {
        sqlite3_stmt *st = self->stmt[ST_KEYWORD];
        if (bind_text(st, 1, a->id) || bind_text(st, 2, a->keywords[i]->plugin) || bind_text(st, 3, a->keywords[i]->term) ||
            sqlite3_bind_double(st, 4, a->keywords[i]->weight) || sqlite3_bind_int64(st, 5, (sqlite3_int64)i + 1) || step(st))
            goto failed;
    }
    for (size_t i = 0; i < a->field_count; i++) {
        sqlite3_stmt *st = self->stmt[ST_FIELD];
        if (bind_text(st, 1, a->id) || bind_text(st, 2, a->fields[i]->plugin) || bind_text(st, 3, a->fields[i]->key) ||
            bind_text(st, 4, a->fields[i]->value) || step(st))
            goto failed;
    }
    return NH_OK;

failed:
    report(self->host, result, "cannot write the article to the database", sqlite3_errmsg(self->db));
    return NH_ERR_IO;
}

/* The first commit phase: every row is written inside the open transaction,
 * so there is nothing left to prepare but the statements. */
static int32_t es_finish(void *instance) {
    exporter *self = instance;
    for (int i = 0; i < ST_COUNT; i++) sqlite3_reset(self->stmt[i]);
    return NH_OK;
}

/* The second phase, after every plugin of the run has finished. */
static int32_t es_commit(void *instance) {
    exporter *self = instance;
    if (sqlite3_exec(self->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
        report(self->host, NULL, "cannot commit the database", sqlite3_errmsg(self->db));
        return NH_ERR_IO;
    }
    self->committed = 1;
    return NH_OK;
}

static void es_destroy(void *instance) {
    exporter *self = instance;
    if (!self->committed) {
        sqlite3_exec(self->db, "ROLLBACK", NULL, NULL, NULL);
        for (int i = 0; i < ST_COUNT; i++) {
            sqlite3_finalize(self->stmt[i]);
            self->stmt[i] = NULL;
        }
        sqlite3_close(self->db);
        self->db = NULL;
        if (self->created_file) {
            unlink(self->path);
            char journal[4096];
            snprintf(journal, sizeof journal, "%s-journal", self->path);
            unlink(journal);
        }
    }
    close_all(self);
}

static const nh_option_spec es_options[] = {
    {sizeof(nh_option_spec), NH_OPTION_PATH, "path", "newshost.sqlite",
     "database file; created when missing, updated in place when it exists", NULL},
};

static const nh_hook es_hooks[] = {
    NH_CREATE_HOOK(es_create),
    NH_PROCESS_HOOK(es_process),
    NH_FINISH_HOOK(es_finish),
    NH_COMMIT_HOOK(es_commit),
    NH_PREPARE_HOOK(es_prepare),
    NH_DESTROY_HOOK(es_destroy),
};

static const nh_plugin_descriptor es_descriptor = {
    sizeof(nh_plugin_descriptor), NH_ABI_VERSION_MAJOR, NH_ABI_VERSION_MINOR,
    "export-sqlite", "0.1.0", "newshost",
    "Writes articles, labels, keywords and fields into a SQLite database, one transaction per run, re-runnable",
    NH_KIND_EXPORTER, 0,
    es_options, sizeof es_options / sizeof es_options[0],
    es_hooks, sizeof es_hooks / sizeof es_hooks[0],
};

const nh_plugin_descriptor *newshost_plugin_entry(void) {
    return &es_descriptor;
}
