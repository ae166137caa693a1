#!/usr/bin/env python3
"""Ctrl-C to exit of the console in a pseudo-terminal, RUNS times on one data dir; prints each run's seconds and
the lines the console leaves on the terminal after its screen. Run from the source tree's root."""
import os, pty, re, select, signal, socket, subprocess, sys, tempfile, time

runs = int(os.environ.get('RUNS', '3'))
settle = float(os.environ.get('SETTLE', '5'))
data = tempfile.mkdtemp(prefix='ws-quit.')
s = socket.socket(); s.bind(('127.0.0.1', 0)); port = s.getsockname()[1]; s.close()

def read_until(fd, pattern, timeout, buf):
    end = time.time() + timeout
    while time.time() < end:
        r, _, _ = select.select([fd], [], [], 0.05)
        if r:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                return None
            if not chunk:
                return None
            buf.extend(chunk)
            if re.search(pattern, buf):
                return True
    return False

for i in range(1, runs + 1):
    pid, fd = pty.fork()
    if pid == 0:
        os.environ['TERM'] = 'xterm-256color'
        os.environ['WORDSTREAM_NO_BUILD'] = '1'
        os.environ['COLUMNS'] = '120'; os.environ['LINES'] = '40'
        os.execv('./wordstream', ['./wordstream', 'console', '--data-dir', data, '--broker-port', str(port)])
    import fcntl, termios, struct
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', 40, 120, 0, 0))
    buf = bytearray()
    if not read_until(fd, rb'RUNNING', 300, buf):
        print(f'run {i}: no RUNNING within 300 s'); os.kill(pid, signal.SIGKILL); os.waitpid(pid, 0); break
    end = time.time() + settle
    while time.time() < end:
        read_until(fd, rb'$^', 0.2, buf)
    t0 = time.monotonic()
    os.write(fd, b'\x03')
    after = bytearray()
    done = False
    deadline = time.time() + 120
    while time.time() < deadline:
        r, _, _ = select.select([fd], [], [], 0.05)
        if r:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                chunk = b''
            if not chunk:
                # The terminal closed: the console is exiting; its exit is the end.
                _, status = os.waitpid(pid, 0)
                done = True
                break
            after.extend(chunk)
        wpid, status = os.waitpid(pid, os.WNOHANG)
        if wpid:
            done = True
            break
    t1 = time.monotonic()
    if not done:
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        print(f'run {i}: no exit within 120 s of Ctrl-C')
    while True:  # what the console wrote just before it exited
        r, _, _ = select.select([fd], [], [], 0.2)
        if not r:
            break
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        after.extend(chunk)
    text = re.sub(rb'\x1b\[[0-9;?]*[a-zA-Z]|\x1b[()][0-9A-B]|\x1b[=>]', b'', bytes(after)).decode('utf-8', 'replace')
    print(f'run {i}: Ctrl-C to exit {t1 - t0:.2f} s, exit status {os.waitstatus_to_exitcode(status)}')
    for line in text.splitlines():
        if line.strip().startswith('wordstream:'):
            print('   ', line.strip())
    os.close(fd)
left = subprocess.run(['pgrep', '-af', data], capture_output=True, text=True).stdout.strip()
print('left running:', left if left else 'nothing')
subprocess.run(['rm', '-rf', data])
