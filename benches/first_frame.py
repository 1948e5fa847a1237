#!/usr/bin/env python3
"""Time from start to the first full frame of the reader in a pseudo-terminal (120x40), over 15 runs.

Usage: python3 benches/first_frame.py target/release/liseuse assets/articles/01-port-de-brest.txt
"""
import os, pty, sys, time, select, struct, fcntl, termios, statistics
def once(argv):
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.environ["XDG_CONFIG_HOME"] = "/nonexistent"
        # The reading-position file of a measurement must not be the user's.
        os.environ["LISEUSE_STATE_FILE"] = "/tmp/liseuse-first-frame-state.json"
        os.execv(argv[0], argv)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    t0 = time.perf_counter()
    buf = b""
    while True:
        r, _, _ = select.select([fd], [], [], 5)
        if not r: raise SystemExit("timeout")
        chunk = os.read(fd, 65536)
        # crossterm asks for the cursor position etc; answer nothing. The frame is drawn when "Quotes (" arrives.
        buf += chunk
        if b"Quotes (" in buf and b"Related (" in buf:
            t = time.perf_counter() - t0
            break
    os.write(fd, b"q")
    os.waitpid(pid, 0)
    return t * 1000
argv = sys.argv[1:]
times = [once(argv) for _ in range(15)]
print("first frame ms: median %.1f min %.1f max %.1f" % (statistics.median(times), min(times), max(times)))
