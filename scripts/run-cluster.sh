#!/usr/bin/env bash
# Starts a local Feed cluster: redis-server (append-only), two silos and two web fronts on free loopback
# ports, prints their URLs, and stops them all on Ctrl-C. Data lives in ./data/cluster unless FEED_CLUSTER_DIR says otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v redis-server >/dev/null 2>&1 || {
  echo "Installing redis-server from Debian's packages"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends redis-server >/dev/null
}
dotnet build -c Release -nologo -v quiet Silo/Silo.csproj
dotnet build -c Release -nologo -v quiet WebFront/WebFront.csproj

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
dir=${FEED_CLUSTER_DIR:-$PWD/data/cluster}
mkdir -p "$dir/redis"
key=${FEED_PUBLISHER_KEY:-local-dev-key}
redis_port=$(free_port)
pids=()
stop_all() { echo; echo "Stopping the cluster"; kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap stop_all EXIT INT TERM

redis-server --port "$redis_port" --bind 127.0.0.1 --dir "$dir/redis" --appendonly yes --save "" --daemonize no \
  --logfile "$dir/redis.log" & pids+=($!)
until redis-cli -p "$redis_port" ping >/dev/null 2>&1; do sleep 0.2; done
redis="127.0.0.1:$redis_port"

common=(Orleans__Membership=Redis Orleans__RedisConnection=$redis Storage__Provider=Redis Storage__RedisConnection=$redis
        Feed__Dashboard__Enabled="${FEED_DASHBOARD:-true}")
# Each program reads the appsettings.json beside it, whatever the working directory.
metrics=()
for n in 1 2; do
  metrics_port=$(free_port)
  env "${common[@]}" Orleans__SiloPort="$(free_port)" Orleans__GatewayPort="$(free_port)" \
    Feed__Operations__SiloUrl="http://127.0.0.1:$metrics_port" \
    dotnet Silo/bin/Release/net10.0/Feed.Silo.dll >"$dir/silo$n.log" 2>&1 & pids+=($!)
  metrics+=("http://127.0.0.1:$metrics_port/metrics")
done
urls=()
for n in 1 2; do
  port=$(free_port)
  env "${common[@]}" Orleans__Role=Client Feed__PublisherKeys__0="$key" Feed__Demo__Enabled="${FEED_DEMO:-false}" \
    dotnet WebFront/bin/Release/net10.0/Feed.WebFront.dll --urls "http://127.0.0.1:$port" >"$dir/web$n.log" 2>&1 & pids+=($!)
  urls+=("http://127.0.0.1:$port")
done
for url in "${urls[@]}"; do
  for _ in $(seq 1 120); do curl -fs "$url/healthz/ready" >/dev/null 2>&1 && break; sleep 0.5; done
done
echo "Redis:      $redis (append-only files in $dir/redis)"
echo "Web fronts: ${urls[*]}   (each: /metrics, /healthz/live, /healthz/ready, /dashboard from this machine)"
echo "Silo metrics: ${metrics[*]}"
echo "Publisher key: $key   Logs: $dir/*.log"
echo "Press Ctrl-C to stop."
wait
