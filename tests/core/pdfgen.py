"""A hand-written PDF for tests that must stay Qt-free (the core has no PDF writer)."""

from __future__ import annotations

import io
import zlib


def text_pdf(lines: list[str]) -> bytes:
    """A minimal, valid one-page PDF whose text layer holds `lines` (written by hand: the core
    has no PDF writer and these tests stay Qt-free)."""
    content = "BT /F1 12 Tf 72 720 Td 14 TL " + " ".join(f"({line}) '" for line in lines) + " ET"
    stream = zlib.compress(content.encode("latin-1"))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.writelines(b"%010d 00000 n \n" % offset for offset in offsets)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
              % (len(objects) + 1, xref))
    return out.getvalue()


def _pdf(objects: list[bytes], trailer_extra: bytes = b"") -> bytes:
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.writelines(b"%010d 00000 n \n" % offset for offset in offsets)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n"
              % (len(objects) + 1, trailer_extra, xref))
    return out.getvalue()


def _page_objects(stream: bytes) -> list[bytes]:
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]


def flate_bomb_pdf(megabytes: int = 200) -> bytes:
    """A one-page PDF whose content stream inflates to `megabytes` MB of spaces (a few hundred
    kilobytes on disk), compressed a megabyte at a time."""
    packer = zlib.compressobj(9)
    chunk = b" " * (1 << 20)
    stream = b"".join(packer.compress(chunk) for _ in range(megabytes)) + packer.flush()
    return _pdf(_page_objects(stream))


_PAD = bytes.fromhex("28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a")


def _rc4(key: bytes, data: bytes) -> bytes:
    box = list(range(256))
    j = 0
    for i in range(256):
        j = (j + box[i] + key[i % len(key)]) % 256
        box[i], box[j] = box[j], box[i]
    out, i, j = bytearray(), 0, 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + box[i]) % 256
        box[i], box[j] = box[j], box[i]
        out.append(byte ^ box[(box[i] + box[j]) % 256])
    return bytes(out)


def encrypted_pdf(lines: list[str], algorithm: str) -> bytes:
    """A PDF encrypted as `algorithm` ("AES-128": standard security handler revision 4 with
    AESV2, whose empty user password really opens it, so a reader gets as far as needing AES;
    "AES-256": revision 6 with AESV3; "password": revision 4 with a user password)."""
    import hashlib

    content = "BT /F1 12 Tf 72 720 Td 14 TL " + " ".join(f"({line}) '" for line in lines) + " ET"
    objects = _page_objects(zlib.compress(content.encode("latin-1")))
    file_id = hashlib.md5(b"multivector test").digest()
    ids = b"/ID [<%s> <%s>] " % (file_id.hex().encode(), file_id.hex().encode())
    if algorithm == "AES-256":
        salted = bytes(range(48))
        encrypt = (b"<< /Filter /Standard /V 5 /R 6 /Length 256 /P -4 "
                   b"/CF << /StdCF << /CFM /AESV3 /AuthEvent /DocOpen /Length 32 >> >> "
                   b"/StmF /StdCF /StrF /StdCF /O <%s> /U <%s> /OE <%s> /UE <%s> /Perms <%s> >>"
                   % (salted.hex().encode(), salted[::-1].hex().encode(), bytes(32).hex().encode(),
                      bytes(32).hex().encode(), bytes(16).hex().encode()))
    else:
        owner = hashlib.md5(b"owner").digest() * 2
        permissions = (-4).to_bytes(4, "little", signed=True)
        password = b"" if algorithm == "AES-128" else b"secret"
        key = hashlib.md5((password + _PAD)[:32] + owner + permissions + file_id).digest()
        for _ in range(50):
            key = hashlib.md5(key).digest()
        user = _rc4(key, hashlib.md5(_PAD + file_id).digest())
        for i in range(1, 20):
            user = _rc4(bytes(b ^ i for b in key), user)
        user += bytes(16)
        encrypt = (b"<< /Filter /Standard /V 4 /R 4 /Length 128 /P -4 "
                   b"/CF << /StdCF << /CFM /AESV2 /AuthEvent /DocOpen /Length 16 >> >> "
                   b"/StmF /StdCF /StrF /StdCF /O <%s> /U <%s> >>"
                   % (owner.hex().encode(), user.hex().encode()))
    objects.append(encrypt)
    return _pdf(objects, ids + b"/Encrypt %d 0 R " % len(objects))
