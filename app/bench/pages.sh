#!/usr/bin/env bash
# Page-time bench: one person per role (tech, reviewer, officer, lab1, admin) opens every main page of the journeys
# ROUNDS times, one request at a time, on the scale-1 demo, and p50/p95/max per page are printed
# (app/bench/PageBench.java does the work). Goal: p95 under 300 ms per page; a page over it is marked.
#   app/bench/pages.sh                                packages the jar, loads a fresh demo (1-3 min), runs the bench
#   JAR=app/target/metrolims.jar DATA=some/folder app/bench/pages.sh   reuse a built jar and a loaded data folder
#   ROUNDS=50 LANG_TAG=zh-CN app/bench/pages.sh      more rounds; the pages in Chinese
# The app is started and stopped exactly as by the load bench (app/bench/load.sh, which documents JAR, DATA, PORT,
# LOG and SCALE); traffic goes to 127.0.0.1 only.
BENCH_MAIN=PageBench.java BENCH_NAME=page-time exec "$(dirname "$0")/load.sh"
