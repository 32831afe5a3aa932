#!/usr/bin/env python3
"""The live tick rate while an analyst's forecasts run: on the server's own cores, then on a localhost silo (Forecasts:Cluster).

For each: the default server (live-town, 2,000 people, frames generated) is started, an analyst (ForecastLoad.cs, the .NET
client) first only watches for --idle seconds, then asks for forecasts --ahead seconds ahead back to back for --busy
seconds. Prints the live ticks a second the analyst saw, the server's own tick statistics lines in the busy window,
and how many forecasts came back. With --pin the server gets core 0 only and the silo core 1 only (taskset), as if the
silo were another machine: on one machine the silo otherwise takes the very cores it is meant to spare. Build first
(Release); the silo and the server are stopped with SIGTERM.
Usage: tools/bench/cluster/forecast_tick_rate.py [--idle 30] [--busy 90] [--ahead 300] [--pin]
"""
import argparse, os, re, signal, subprocess, sys, tempfile, time
from local_ports import free_ports

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
TWIN = os.path.join(ROOT, "tools", "TwinWorld.Cli", "bin", "Release", "net10.0", "twin.dll")
SERVER = os.path.join(ROOT, "src", "TwinWorld.Server", "bin", "Release", "net10.0", "TwinWorld.Server.dll")
LOAD = os.path.join(os.path.dirname(os.path.abspath(__file__)), "ForecastLoad.cs")
STATS = re.compile(r"\((\d+\.\d) Hz\), step mean ([\d.]+) ms, p99 ([\d.]+) ms, max ([\d.]+) ms, overruns (\d+), skipped (\d+)")


def read(log):
    with open(log) as f:
        return f.read()


def wait_for(process, log, pattern, timeout=120):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = re.search(pattern, read(log))
        if found:
            return found
        if process.poll() is not None:
            break
        time.sleep(0.2)
    sys.exit(f"{pattern!r} never came:\n{read(log)}")


def cpu_seconds(process):
    """User plus system time the process has used so far (from /proc)."""
    with open(f"/proc/{process.pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def timed_load(server, silo, port, seconds, ahead):
    """The analyst's figures, plus the cores the server and the silo used meanwhile (CPU seconds per wall second)."""
    before = [cpu_seconds(p) if p else 0 for p in (server, silo)]
    start = time.monotonic()
    figures = load(port, seconds, ahead)
    wall = time.monotonic() - start
    used = [(cpu_seconds(p) - b) / wall if p else 0 for p, b in zip((server, silo), before)]
    return figures, used


def pin(args, core):
    return ["taskset", "-c", str(core)] if args.pin else []


def load(port, seconds, ahead):
    done = subprocess.run(["dotnet", "run", "-c", "Release", LOAD, "--", str(port), str(seconds), str(ahead)], capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"ForecastLoad failed:\n{done.stdout}\n{done.stderr}")
    return dict(pair.split("=") for pair in done.stdout.strip().splitlines()[-1].split())


def measure(args, folder, cluster):
    name = "cluster" if cluster else "local"
    processes = []
    silo = None
    try:
        extra = []
        if cluster:
            silo_port, gateway = free_ports(2)
            log = os.path.join(folder, "silo.log")
            silo = subprocess.Popen(pin(args, 1) + ["dotnet", TWIN, "silo", "--port", str(silo_port), "--gateway-port", str(gateway), "--cluster-id", "bench-forecasts"],
                                    stdout=open(log, "w"), stderr=subprocess.STDOUT)
            processes.append(silo)
            wait_for(silo, log, "Silo ready")
            extra = [f"--Forecasts:Cluster=127.0.0.1:{gateway}", "--Forecasts:ClusterId=bench-forecasts"]
        log = os.path.join(folder, f"server-{name}.log")
        server = subprocess.Popen(pin(args, 0) + ["dotnet", SERVER, "--Network:Port=0", "--Http:Port=0", "--Tick:StatsIntervalSeconds=10"] + extra,
                                  cwd=os.path.dirname(SERVER), stdout=open(log, "w"), stderr=subprocess.STDOUT)
        processes.append(server)
        port = int(wait_for(server, log, r"Listening on UDP [0-9.]+:(\d+)").group(1))
        wait_for(server, log, r"tick \d+: ")
        idle, idle_cores = timed_load(server, silo, port, args.idle, 0)
        before = len(STATS.findall(read(log)))
        busy, busy_cores = timed_load(server, silo, port, args.busy, args.ahead)
        stats = STATS.findall(read(log))[before:]
        return name, idle, busy, stats, idle_cores, busy_cores
    finally:
        for process in reversed(processes):
            process.send_signal(signal.SIGTERM)
            process.wait(60)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--idle", type=int, default=30)
    parser.add_argument("--busy", type=int, default=90)
    parser.add_argument("--ahead", type=int, default=300)
    parser.add_argument("--pin", action="store_true")
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="twin-bench-forecasts-")
    rows = [measure(args, folder, cluster) for cluster in (False, True)]
    where = "server on core 0, silo on core 1" if args.pin else f"{os.cpu_count()} cores for all"
    print(f"live-town (2,000 people, frames generated), forecasts {args.ahead} s ahead back to back for {args.busy} s; {where}, "
          f"load average at the end {os.getloadavg()[0]:.1f} (other work shares these cores); logs in {folder}\n")
    print("| forecasts run | live ticks/s, no forecast | live ticks/s, forecasting | server's windows (Hz) | overruns | step p99 ms (worst window) | server cores, no forecast | server cores, forecasting | silo cores, forecasting | forecasts done | s each (mean, max) |")
    print("|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, idle, busy, stats, idle_cores, busy_cores in rows:
        windows = ", ".join(s[0] for s in stats)
        overruns = sum(int(s[4]) for s in stats)
        p99 = max((float(s[2]) for s in stats), default=0)
        silo = f"{busy_cores[1]:.2f}" if name == "cluster" else "-"
        print(f"| {name} | {idle['live_hz']} | {busy['live_hz']} | {windows} | {overruns} | {p99:.1f} | {idle_cores[0]:.2f} | {busy_cores[0]:.2f} | {silo} | {busy['forecasts']} | {busy['forecast_s_mean']}, {busy['forecast_s_max']} |")


if __name__ == "__main__":
    main()
