"""newshost as a stage of a real Apache Spark job (local[2]).

Run by scripts/spark-test, which installs Java and pyspark, with the newshost
executable as argv[1] and the seed directory as argv[2]. Each check prints
PASS or FAIL with a reason; the last line is "N passed, N failed" and the
exit status is 1 when anything failed.
"""
import json
import os
import subprocess
import sys
import tempfile

from pyspark.sql import SparkSession

NEWSHOST, SEEDS = sys.argv[1], sys.argv[2]
# PySpark starts pipe commands with an empty environment unless told.
ENV = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8",
       "LD_LIBRARY_PATH": os.environ.get("LD_LIBRARY_PATH", "")}
RUN = [NEWSHOST, "run", "--plugins", "classify,export-jsonl", "--jobs", "1"]
# The seed pages' articles, as read by hand (Tests/Fixtures/pages).
PAGES = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "Fixtures", "pages")
SEED_ARTICLES = sum(len(json.load(open(os.path.join(PAGES, name), encoding="utf-8"))["articles"])
                    for name in os.listdir(PAGES) if name.endswith(".json"))

results = []


def check(name, condition, detail=""):
    results.append(condition)
    print(("PASS " if condition else "FAIL ") + name + ("" if condition else ": " + detail), flush=True)


def direct(arguments, stdin=None):
    done = subprocess.run(arguments, input=stdin, capture_output=True, check=False)
    return done.returncode, done.stdout.decode("utf-8").splitlines()


spark = (SparkSession.builder.master("local[2]").appName("newshost-stage")
         .config("spark.ui.enabled", "false").getOrCreate())
sc = spark.sparkContext
sc.setLogLevel("ERROR")

status, expected = direct(RUN + [SEEDS])
check("direct run", status == 0 and len(expected) == SEED_ARTICLES,
      f"status {status}, {len(expected)} lines against {SEED_ARTICLES} articles")
_, articles = direct([NEWSHOST, "parse", SEEDS])

# 1. JSON Lines articles through rdd.pipe, exit codes checked: exactly once,
#    byte-identical to a direct run (ids come from the input).
out = sc.parallelize(articles, 4).pipe(" ".join(RUN + ["-"]), env=ENV, checkCode=True).collect()
check("jsonl through rdd.pipe is exactly the direct run", sorted(out) == sorted(expected),
      f"{len(out)} lines against {len(expected)}")

# 2. Empty partitions (8 partitions, 2 records) do not fail the job.
few = sc.parallelize(articles[:2], 8).pipe(" ".join(RUN + ["-"]), env=ENV, checkCode=True).collect()
check("empty partitions exit 0", len(few) == 2, f"{len(few)} lines")

# 3. Page records (UTF-8 and GB18030) through rdd.pipe give the direct run's output.
with tempfile.TemporaryDirectory() as directory:
    gb_name = sorted(name for name in os.listdir(SEEDS) if name.endswith(".txt"))[0]
    with open(os.path.join(SEEDS, gb_name), encoding="utf-8") as page:
        with open(os.path.join(directory, gb_name), "wb") as gb:
            gb.write(page.read().encode("gb18030"))
    _, utf8_records = direct([NEWSHOST, "pack", SEEDS])
    _, gb_records = direct([NEWSHOST, "pack", os.path.join(directory, gb_name)])
command = " ".join(RUN + ["--input-format", "page-records", "-"])
out = sc.parallelize(utf8_records, 3).pipe(command, env=ENV, checkCode=True).collect()
check("page records through rdd.pipe are exactly the direct run", sorted(out) == sorted(expected),
      f"{len(out)} lines against {len(expected)}")
out = sc.parallelize(gb_records, 1).pipe(command, env=ENV, checkCode=True).collect()
wanted = [line for line in expected if json.loads(line)["source"] == gb_name]
check("a GB18030 page record gives the UTF-8 page's articles", sorted(out) == sorted(wanted), f"{len(out)} lines")

# 4. Articles without ids: one --source-name per partition keeps ids unique.
bare = [json.dumps({"body": json.loads(line)["body"]}, ensure_ascii=False) for line in articles]


def stage(index, lines):
    done = subprocess.run(RUN + ["--source-name", f"part-{index:05d}", "-"], input="\n".join(lines).encode("utf-8"),
                          capture_output=True, check=True, env=ENV)
    return done.stdout.decode("utf-8").splitlines()


out = sc.parallelize(bare, 4).mapPartitionsWithIndex(stage).collect()
ids = [json.loads(line)["id"] for line in out]
check("ids are unique across partitions", len(ids) == len(set(ids)) == len(bare), f"{len(set(ids))} ids for {len(bare)}")

# 5. A bad record fails the partition loudly (checkCode), never silently.
try:
    sc.parallelize(["not json"], 1).pipe(" ".join(RUN + ["--input-format", "jsonl", "-"]), env=ENV, checkCode=True).collect()
    check("a bad record fails the task", False, "the job succeeded")
except Exception:  # noqa: BLE001 - Spark wraps the pipe's failure
    check("a bad record fails the task", True)

# 5b. Asked to skip, the bad record is skipped and the task succeeds.
out = sc.parallelize(articles[:3] + ["not json"], 1).pipe(
    " ".join(RUN + ["--input-format", "jsonl", "--bad-input", "skip", "-"]), env=ENV, checkCode=True).collect()
check("--bad-input skip skips the bad record and succeeds", len(out) == 3, f"{len(out)} lines")

# 5c. The output reads with the published Spark schema, nothing corrupt.
ddl = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "schemas", "export-jsonl.ddl")).read().strip()
frame = spark.read.schema(ddl).option("mode", "FAILFAST").json(sc.parallelize(expected))
labelled = frame.filter("size(labels) > 0 AND id IS NOT NULL AND size(paragraphs) > 0").count()
check("export-jsonl reads with schemas/export-jsonl.ddl", labelled == len(expected), f"{labelled} of {len(expected)} rows")

# 6. SQL TRANSFORM, which always checks the exit code.
spark.createDataFrame([(line,) for line in articles], ["line"]).createOrReplaceTempView("articles")
rows = spark.sql("SELECT TRANSFORM(line) USING '" + " ".join(RUN + ["-"]) + "' AS (out) FROM articles").collect()
check("SQL TRANSFORM gives the direct run", sorted(row.out for row in rows) == sorted(expected), f"{len(rows)} rows")

spark.stop()
failed = results.count(False)
print(f"{len(results) - failed} passed, {failed} failed")
sys.exit(1 if failed else 0)
