#!/usr/bin/env python3
"""A hostile git server on 127.0.0.1 for benches/attacks.sh, as tests/remote.rs starts one.

    benches/gitserver.py hostile|silent PORTFILE

It advertises one branch over smart HTTP and answers the pack request with no pack but
sideband messages meant for the voter's terminal (a title, a cleared screen, the clipboard,
an 8-bit CSI) and an error; `silent` takes each connection and says nothing. The port it
listens on is written to PORTFILE; it serves until killed.
"""
import socket
import sys
import threading

SHA = "1" * 40


def pkt(data: bytes) -> bytes:
    return b"%04x" % (len(data) + 4) + data


def pack(done: bool) -> bytes:
    body = pkt(f"shallow {SHA}\n".encode()) + b"0000"
    if not done:
        return body
    body += b"0008NAK\n"
    for message in [
        b"\x1b]0;owned\x07title set\n",
        b"\x1b[2J\x1b]52;c;ZWNobyBvd25lZA==\x07clipboard written\n",
        b"\xc2\x9b31mC1 CSI\n",
    ]:
        body += pkt(b"\x02" + message)
    return body + pkt(b"\x03\x1b[31mgo away\n")


def answer(conn: socket.socket) -> None:
    reader = conn.makefile("rb")
    request, length = b"", 0
    while True:
        line = reader.readline()
        if not line or line == b"\r\n":
            break
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":", 1)[1].strip() or 0)
        request += line
    body = reader.read(length) if length else b""
    if request.startswith(b"GET"):
        kind = "advertisement"
        reply = pkt(b"# service=git-upload-pack\n") + b"0000"
        reply += pkt(f"{SHA} HEAD\0side-band-64k ofs-delta shallow\n".encode())
        reply += pkt(f"{SHA} refs/heads/main\n".encode()) + b"0000"
    else:
        kind = "result"
        reply = pack(body.endswith(b"done\n"))
    head = (
        f"HTTP/1.1 200 OK\r\nContent-Type: application/x-git-upload-pack-{kind}\r\n"
        f"Content-Length: {len(reply)}\r\nConnection: close\r\n\r\n"
    )
    conn.sendall(head.encode() + reply)
    conn.close()


def main(mode: str, port_file: str) -> None:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    with open(port_file, "w") as f:
        f.write(str(listener.getsockname()[1]))
    held = []
    while True:
        conn, _ = listener.accept()
        if mode == "silent":
            held.append(conn)
        else:
            threading.Thread(target=answer, args=(conn,), daemon=True).start()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
