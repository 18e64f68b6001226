#!/usr/bin/env python3
"""Writes the Chinese-mail corpus of issue 12 byte by byte (see README.md): each file stresses one way real mail
from Chinese and Taiwanese senders is labelled or encoded. Run it from this folder; it rewrites the .eml files."""
import base64

def word(charset, text, encoding=None):
    return "=?%s?B?%s?=" % (charset, base64.b64encode(text.encode(encoding or charset)).decode())

def mail(name, subject_bytes, content_type, body_bytes, cte="8bit"):
    head = (b"From: =?UTF-8?B?" + base64.b64encode("陈女士".encode()) + b"?= <chen@example.test>\r\n"
            b"To: complaints@example.org\r\n"
            b"Subject: " + subject_bytes + b"\r\n"
            b"Message-ID: <" + name.encode() + b"@corpus.example.test>\r\n"
            b"Date: Tue, 24 Nov 2026 09:30:00 +0800\r\n"
            b"MIME-Version: 1.0\r\n")
    if content_type is not None: head += b"Content-Type: " + content_type.encode() + b"\r\n"
    head += b"Content-Transfer-Encoding: " + cte.encode() + b"\r\n\r\n"
    with open(name + ".eml", "wb") as f: f.write(head + body_bytes + b"\r\n")

BODY = "小区3号楼的电梯已经坏了三天，老人上下楼非常困难，请尽快派人维修。"
TW = "社區3號樓的電梯已經壞了三天，老人上下樓非常困難，請盡快派人維修。"

mail("big5-subject-and-body", word("big5", "電梯故障投訴").encode(), "text/plain; charset=big5", TW.encode("big5"))
mail("big5-hkscs-label", word("big5-hkscs", "電梯故障投訴", "big5").encode(), "text/plain; charset=x-big5", TW.encode("big5"))
mail("gb18030-and-utf8-words", (word("GB18030", "投诉：") + " " + word("UTF-8", "电梯坏了")).encode(),
     "text/plain; charset=gb18030", BODY.encode("gb18030"))
# 䶮 (U+4DAE, in names) is GB18030 FE 9F, which a GBK (cp936) table reads as a private-use character; senders label it gbk.
mail("gbk-word-with-gb18030-only-char-and-utf8-word", (word("gbk", "刘䶮：", "gb18030") + "\r\n " + word("UTF-8", "电梯坏了")).encode(),
     "text/plain; charset=gbk", ("刘䶮：" + BODY).encode("gb18030"))
mail("utf8-labelled-us-ascii", word("UTF-8", "电梯坏了").encode(), "text/plain; charset=us-ascii", BODY.encode())
mail("utf8-labelled-latin1", word("UTF-8", "电梯坏了").encode(), "text/plain; charset=iso-8859-1", BODY.encode())
mail("utf8-unlabelled", word("UTF-8", "电梯坏了").encode(), "text/plain", BODY.encode())
mail("utf8-labelled-gb2312", word("UTF-8", "电梯坏了").encode(), "text/plain; charset=gb2312", BODY.encode())
mail("gbk-labelled-latin1", word("UTF-8", "电梯坏了").encode(), "text/plain; charset=windows-1252", (BODY * 3).encode("gbk"))
mail("iso-2022-jp-raw-subject", "エレベーター故障".encode("iso2022_jp"), "text/plain; charset=iso-2022-jp",
     "エレベーターが三日間止まっています。".encode("iso2022_jp"), cte="7bit")
mail("content-type-text-without-subtype", word("UTF-8", "电梯坏了").encode(), "text", BODY.encode())
# Valid GB18030 around two bytes (0xFF 0x80) that no charset of the family decodes.
mail("gb2312-with-undecodable-bytes", word("UTF-8", "电梯坏了").encode(), "text/plain; charset=gb2312",
     "电梯坏了".encode("gb18030") + b"\xff\x80 " + "三天了".encode("gb18030"))
