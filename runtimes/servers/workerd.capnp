# workerd's configuration: one worker (the bundle smoke.mjs writes), one socket; the smoke
# overrides the socket's address with --socket-addr.
using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [(name = "main", worker = .worker)],
  sockets = [(name = "http", address = "127.0.0.1:8080", http = (), service = "main")],
);

const worker :Workerd.Worker = (
  modules = [(name = "worker.js", esModule = embed "../.build/worker.js")],
  compatibilityDate = "2025-01-01",
);
