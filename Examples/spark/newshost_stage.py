"""A runnable PySpark job with newshost as one stage (see docs/spark.md).

    python newshost_stage.py /path/to/newshost pages/ out/
Packs the page files into page records, pipes them through newshost on
local[2] and writes the articles as Parquet.
"""
import json
import os
import subprocess
import sys

from pyspark.sql import Row, SparkSession

newshost, pages, out = sys.argv[1:4]
spark = SparkSession.builder.master("local[2]").appName("newshost").getOrCreate()
records = subprocess.run([newshost, "pack", pages], capture_output=True, check=True, text=True).stdout.splitlines()
env = {"PATH": os.environ["PATH"], "LANG": "C.UTF-8"}
command = f"{newshost} run --plugins classify,summarize,export-jsonl --jobs 1 --input-format page-records -"
lines = spark.sparkContext.parallelize(records, 8).pipe(command, env=env, checkCode=True)
articles = lines.map(json.loads).map(lambda a: Row(id=a["id"], headline=a["headline"], summary=a["summary"],
                                                    labels=[label["name"] for label in a["labels"]]))
spark.createDataFrame(articles).write.mode("overwrite").parquet(out)
spark.stop()
