#!/usr/bin/env python3
"""Sweep throughput on this machine: a local twin sweep against the same sweep on 1, 2 and 3 localhost silos.

Runs/minute for each, and the cluster's per-run overhead: (1 silo with 1 slot - local with --parallel 1) / runs,
as a share of a local run. Silos start (and are stopped with SIGTERM) outside the timed part; each sweep's
time is its whole twin process, connecting included. Build first (Release); prints a Markdown table.
Usage: tools/bench/cluster/sweep_throughput.py [--runs-per-variant 4] [--until 10m]
"""
import argparse, os, shutil, signal, subprocess, sys, tempfile, time
from local_ports import free_ports

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
TWIN = os.path.join(ROOT, "tools", "TwinWorld.Cli", "bin", "Release", "net10.0", "twin.dll")
SCENARIO = os.path.join(ROOT, "tests", "TwinWorld.Cli.Tests", "Scenarios", "small-fire.yaml")


def sweep(args, out, extra):
    command = ["dotnet", TWIN, "sweep", SCENARIO, "--vary", "wind_speed=1,15", "--seeds", str(args.runs_per_variant),
               "--until", args.until, "--out", out] + extra
    start = time.monotonic()
    done = subprocess.run(command, capture_output=True, text=True)
    seconds = time.monotonic() - start
    if done.returncode != 0:
        sys.exit(f"sweep failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    return seconds


def wait_for(process, log, text, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with open(log) as f:
            if text in f.read():
                return
        if process.poll() is not None:
            break
        time.sleep(0.2)
    sys.exit(f"silo did not start: {open(log).read()}")


def with_silos(count, folder, body):
    ports = free_ports(2 * count)
    cluster_id = f"bench-{os.getpid()}-{count}"
    silos = []
    try:
        for i in range(count):
            log = os.path.join(folder, f"silo-{count}-{i}.log")
            primary = ["--primary", f"127.0.0.1:{ports[0]}"] if i > 0 else []
            process = subprocess.Popen(["dotnet", TWIN, "silo", "--port", str(ports[2 * i]), "--gateway-port", str(ports[2 * i + 1]),
                                        "--runs-at-once", "1", "--cluster-id", cluster_id] + primary,
                                       stdout=open(log, "w"), stderr=subprocess.STDOUT)
            silos.append(process)
            wait_for(process, log, "Silo ready")
        gateways = ",".join(f"127.0.0.1:{ports[2 * i + 1]}" for i in range(count))
        return body(["--cluster", gateways, "--cluster-id", cluster_id])
    finally:
        for process in silos:
            process.send_signal(signal.SIGTERM)
        for process in silos:
            process.wait(60)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs-per-variant", type=int, default=4)
    parser.add_argument("--until", default="10m")
    args = parser.parse_args()
    runs = 2 * args.runs_per_variant
    folder = tempfile.mkdtemp(prefix="twin-bench-cluster-")
    try:
        rows = []
        n = 0

        def out():
            nonlocal n
            n += 1
            return os.path.join(folder, f"sweep-{n}")

        local1 = sweep(args, out(), ["--parallel", "1"])
        rows.append(("local, --parallel 1", local1))
        rows.append(("local, --parallel 2", sweep(args, out(), ["--parallel", "2"])))
        cluster = {}
        for count in (1, 2, 3):
            cluster[count] = with_silos(count, folder, lambda extra: sweep(args, out(), extra))
            rows.append((f"cluster, {count} silo(s) x 1 slot", cluster[count]))
        print(f"{runs} runs of small-fire (--until {args.until}), {os.cpu_count()} cores; load average at the end {os.getloadavg()[0]:.1f} (other work shares these cores)\n")
        print("| where | wall s | runs/minute |\n|---|---:|---:|")
        for name, seconds in rows:
            print(f"| {name} | {seconds:.1f} | {runs * 60 / seconds:.1f} |")
        per_run = local1 / runs
        overhead = (cluster[1] - local1) / runs
        print(f"\nper-run overhead of the cluster (1 silo, 1 slot, against local --parallel 1): {overhead:+.2f} s on a {per_run:.2f} s run ({overhead / per_run:+.1%})")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
