"""Entry point for ``spark-submit``: the corpus run on a Spark cluster.

::

    spark-submit --master spark://host:7077 --driver-memory 4g \\
        --py-files erqi_diff.zip \\
        "$(python -c 'import erqi_diff.corpus.spark_main as m; print(m.__file__)')" \\
        --in /shared/reports.jsonl --out /shared/run

or, with the session spark-submit would make created here instead,
``python -m erqi_diff.corpus.spark_main --master local[4] --in ... --out ...``.

The master, memory and executors are spark-submit's (or --master here);
the options are those of ``erqi-diff corpus run``. The output folder must be
on a file system the driver and every executor see (NFS or the like): the
stage runner renames its Parquet folders into place there. Every executor
needs erqi-diff importable (``pip install erqi-diff`` on the nodes, or
``--py-files`` a zip of the erqi_diff package).
"""

from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="erqi_diff.corpus.spark_main", description=__doc__.split("\n\n")[0])
    parser.add_argument("--in", dest="input_path", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--master", default=None, help="only when not run by spark-submit")
    parser.add_argument("--threads", type=int, default=None, help="partitions per stage are a multiple of it")
    for name, default in (("k", 10), ("w", 16), ("maxdf", 100), ("minmatch", 5), ("minunique", 2), ("min-chars", 15)):
        parser.add_argument(f"--{name}", type=int, default=default)
    parser.add_argument("--other-series", action="store_true")
    parser.add_argument("--other-years", action="store_true")
    parser.add_argument("--skip-bad", action="store_true")
    parser.add_argument("--force", action="store_true")
    args = parser.parse_args(argv)

    from erqi_diff.corpus.api import run_corpus
    from erqi_diff.corpus.engines import java_command
    from erqi_diff.errors import ErqiError

    try:
        if java_command() is None:
            from erqi_diff.corpus import EngineError

            raise EngineError("no Java runtime: install one with `apt-get install openjdk-17-jre-headless`")
        from pyspark.sql import SparkSession

        builder = SparkSession.builder.appName("erqi-diff corpus")
        if args.master:
            builder = builder.master(args.master)
        spark = builder.getOrCreate()
        spark.sparkContext.setLogLevel("ERROR")
        threads = args.threads or spark.sparkContext.defaultParallelism
        result = run_corpus(args.input_path, args.out, engine="spark", spark=spark, threads=threads,
                            k=args.k, w=args.w, maxdf=args.maxdf, minmatch=args.minmatch, minunique=args.minunique,
                            min_chars=args.min_chars,
                            other_series=args.other_series, other_years=args.other_years,
                            skip_bad=args.skip_bad, force=args.force)
    except ErqiError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 2
    from erqi_diff.views.encode import dumps

    print(dumps("corpus-run", result))
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
