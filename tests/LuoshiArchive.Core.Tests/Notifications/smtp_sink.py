#!/usr/bin/python3
"""A real SMTP server on loopback for the notification tests (Debian's python3-aiosmtpd).

Every message it accepts is written to FOLDER as one .eml file (written aside, then renamed), headed by an
X-Sink-Rcpt line with the envelope recipients. --mode refuse answers 451 (try again later) to every recipient;
--mode hang never answers the message data. Addresses listed in FOLDER/refuse-rcpt get 550 (no such user).
Prints "ready" once listening; stops when its stdin closes.
"""
import argparse
import asyncio
import os
import sys
import time
import uuid

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, folder, mode):
        self.folder = folder
        self.mode = mode

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.mode == "refuse":
            return "451 4.3.0 Mailbox busy, try again later"
        blocked = os.path.join(self.folder, "refuse-rcpt")
        if os.path.exists(blocked) and address in open(blocked, encoding="utf-8").read().split():
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.mode == "hang":
            await asyncio.sleep(3600)
        name = os.path.join(self.folder, f"{time.time_ns()}-{uuid.uuid4().hex}.eml")
        with open(name + ".part", "wb") as out:
            out.write(("X-Sink-Rcpt: " + ",".join(envelope.rcpt_tos) + "\r\n").encode("ascii"))
            out.write(envelope.original_content)
        os.rename(name + ".part", name)
        return "250 2.0.0 Message accepted"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--folder", required=True)
    parser.add_argument("--mode", choices=["accept", "refuse", "hang"], default="accept")
    args = parser.parse_args()
    os.makedirs(args.folder, exist_ok=True)
    controller = Controller(Sink(args.folder, args.mode), hostname="127.0.0.1", port=args.port)
    controller.start()
    print("ready", flush=True)
    try:
        sys.stdin.read()
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
