"""Free localhost ports for the cluster scripts' silos and servers."""
import socket


def free_ports(count):
    """Ports nobody listens on now: bound all at once (so they differ), then released for the caller."""
    sockets = [socket.socket() for _ in range(count)]
    for s in sockets:
        s.bind(("127.0.0.1", 0))
    ports = [s.getsockname()[1] for s in sockets]
    for s in sockets:
        s.close()
    return ports
