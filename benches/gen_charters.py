#!/usr/bin/env python3
"""Writes N generated charters of about 9 KB each (10 services, 3 officers, a grievance section)
into DIR, for the validation benchmark. Deterministic: the same N gives the same files.

    python3 benches/gen_charters.py DIR [N]
"""
import os
import sys

SERVICES = [
    ("জন্ম নিবন্ধন সনদ প্রদান", "৭ কার্যদিবস", "৫০ টাকা"),
    ("মৃত্যু নিবন্ধন সনদ প্রদান", "৭ কার্যদিবস", "বিনামূল্যে"),
    ("ট্রেড লাইসেন্স প্রদান ও নবায়ন", "৩ কার্যদিবস", "সরকার নির্ধারিত মূল্যে"),
    ("নাগরিকত্ব সনদ প্রদান", "তাৎক্ষণিক", "বিনামূল্যে"),
    ("ওয়ারিশ সনদ প্রদান", "১-৭ দিন", "১০০ টাকা"),
    ("নামজারি ও জমাখারিজ", "২৮ কার্যদিবস", "আবেদন ফি ২০ টাকা, নোটিশ জারি ফি ৫০ টাকা, সর্বমোট ৭০ টাকা"),
    ("ভূমি উন্নয়ন কর আদায়", "সাথে সাথে", "সরকার নির্ধারিত হারে"),
    ("খতিয়ানের সার্টিফাইড কপি প্রদান", "১ ঘন্টা ৩৫ মিনিট", "০.১৫ - ০.৩০ টাকা"),
    ("ভিজিডি উপকারভোগী তালিকা প্রণয়ন", "সর্বোচ্চ ১৫ কার্যদিবস", "বিনামূল্যে"),
    ("সামাজিক নিরাপত্তা ভাতা প্রদান", "২ থেকে ৩ দিন", "বিনামূল্যে"),
]
CATEGORIES = ["citizen"] * 6 + ["institutional"] * 3 + ["internal"]
DIGITS = str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯")


def charter(i: int) -> str:
    n = f"{i:06d}".translate(DIGITS)
    out = [
        "version = 1",
        'title = { bn = "সিটিজেন চার্টার", en = "Citizen Charter" }',
        "updated = 2024-07-01",
        f'vision = "দক্ষ, স্বচ্ছ ও জবাবদিহিমূলক জনপ্রশাসন গড়ে তোলার মাধ্যমে জনগণের দোরগোড়ায় সেবা পৌঁছে দেওয়া ({n})।"',
        'mission = "প্রশাসনিক দক্ষতা বৃদ্ধি, তথ্য প্রযুক্তির যথাযথ ব্যবহার, সেবা প্রদান প্রক্রিয়া সহজীকরণ এবং সেবা প্রদানে উদ্ভাবন চর্চার মাধ্যমে সেবা নিশ্চিত করা।"',
        'expectations = ["নির্ধারিত ফরমে সম্পূর্ণভাবে পূরণকৃত আবেদন জমা প্রদান", "সাক্ষাতের জন্য নির্ধারিত সময়ের পূর্বেই উপস্থিত থাকা", "সঠিক মাধ্যমে প্রয়োজনীয় ফি পরিশোধ করা"]',
        "",
        "[office]",
        f'name = "{n} নং ইউনিয়ন পরিষদ"',
        'unit = "কাউখালী, পিরোজপুর"',
        f'website = "up{i}.pirojpur.gov.bd"',
        f'email = "up{i}@gmail.com"',
        'phone = "০৪৬২৭-৫৬০১২"',
        "",
    ]
    for oid, designation in [("secretary", "সচিব"), ("chairman", "চেয়ারম্যান"), ("uno", "উপজেলা নির্বাহী অফিসার")]:
        out += [
            f"[officers.{oid}]",
            f'name = "মোঃ আব্দুল করিম {n}"',
            f'designation = "{designation}"',
            'office = "ইউনিয়ন পরিষদ কার্যালয়, কাউখালী, পিরোজপুর"',
            f'phone = "০১৭১১{(i % 1000000):06d}"'.translate(DIGITS),
            f'email = "{oid}.{i}@gmail.com"',
            "",
        ]
    for k, ((name, limit, fee), cat) in enumerate(zip(SERVICES, CATEGORIES)):
        officer = "secretary" if k % 2 == 0 else "chairman"
        out += [
            f"[[services.{cat}]]",
            f'id = "service-{k + 1}"',
            f'name = {{ bn = "{name}", en = "Service {k + 1}" }}',
            'methods = ["অনলাইনে আবেদনের মাধ্যমে", "সরাসরি কার্যালয়ে উপস্থিত হয়ে"]',
            "documents = [",
            '  { name = "নির্ধারিত আবেদন ফরম", source = "ইউনিয়ন ডিজিটাল সেন্টার" },',
            '  "জাতীয় পরিচয়পত্রের সত্যায়িত কপি",',
            "]",
            f'fee = "{fee}"',
            f'time_limit = "{limit}"',
            f'officer = "{officer}"',
            "",
        ]
    for when, oid, limit in [
        ("দায়িত্বপ্রাপ্ত কর্মকর্তা সমাধান দিতে না পারলে", "chairman", "১০ কার্যদিবস"),
        ("চেয়ারম্যান নির্দিষ্ট সময়ে সমাধান দিতে না পারলে", "uno", "৩০ কার্যদিবস"),
    ]:
        out += ["[[grievance]]", f'when = "{when}"', f'officer = "{oid}"', f'time_limit = "{limit}"', ""]
    return "\n".join(out)


def main() -> None:
    directory = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    os.makedirs(directory, exist_ok=True)
    for i in range(count):
        with open(os.path.join(directory, f"charter-{i:05d}.toml"), "w", encoding="utf-8") as f:
            f.write(charter(i))


if __name__ == "__main__":
    main()
