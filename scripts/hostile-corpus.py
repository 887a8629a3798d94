#!/usr/bin/env python3
"""Write the corpus of malformed and hostile annotation files (tests/fixtures/hostile/)
and the message each must give (expected.tsv). Run from the repository root."""
import json, hashlib, copy, os
d='tests/fixtures/hostile'
os.makedirs(d, exist_ok=True)
text="Harbour reopens\n\nThe harbour reopened on Tuesday after the storm. Ferries run again.\n"
sha=hashlib.sha256(text.encode()).hexdigest()
exact="The harbour reopened on Tuesday after the storm."
start=text.index(exact)
def ann(i=1):
    return {"id": f"urn:newsmark:annotation:{sha}:c{i:012d}", "type": "Annotation", "motivation": "assessing",
      "body": [{"type": "TextualBody", "purpose": "tagging", "value": "disputed"}],
      "target": {"source": {"id": f"urn:sha256:{sha}", "type": "Text", "format": "text/plain", "label": "harbour.txt"},
                 "state": {"value": f"sha256:{sha}"},
                 "selector": [{"type": "TextQuoteSelector", "exact": exact, "prefix": "Harbour reopens\n\n", "suffix": " Ferries run again.\n"},
                              {"type": "TextPositionSelector", "start": start, "end": start+len(exact)}]},
      "creator": {"type": "Person", "name": "Desk B"}, "created": "2026-11-20T10:00:00.000Z", "modified": "2026-11-20T10:00:00.000Z"}
def coll(items):
    return {"@context": "http://www.w3.org/ns/anno.jsonld", "id": "urn:newsmark:export:test", "type": "AnnotationCollection",
            "total": len(items), "first": {"id": "urn:newsmark:export:test#page-1", "type": "AnnotationPage", "items": items}}
cases=[]
def add(name, content, expect):
    path=os.path.join(d,name)
    if isinstance(content,(bytes,)):
        open(path,'wb').write(content)
    elif isinstance(content,str):
        open(path,'w').write(content)
    else:
        open(path,'w').write(json.dumps(content, ensure_ascii=False, indent=1))
    cases.append((name, expect))
def mod(f, *, n=1):
    a=ann(); f(a); return coll([a])
good=json.dumps(coll([ann()]), indent=1)
add("truncated.json", good[:len(good)//2], "the file ends too soon")
add("not-json.json", "this is not JSON, it is a sentence.", "not valid JSON")
add("empty.json", "", "the file is empty")
add("only-whitespace.json", "  \n\t ", "the file is empty")
add("number.json", "42", "not an object or a list")
add("binary.json", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe", "not UTF-8 text")
add("trailing-garbage.json", good + "\n}}}", "not valid JSON")
c=coll([ann()]); c["@context"]="https://schema.org"; add("wrong-context.json", c, "@context")
c=coll([ann()]); del c["@context"]; add("missing-context.json", c, "\"@context\" is missing")
c=coll([ann()]); c["type"]="Collection"; add("wrong-collection-type.json", c, "its type is")
c=coll([ann()]); c["first"]="https://example.org/page/1"; add("first-page-is-a-link.json", c, "only a link")
c=coll([ann()]); c["first"]["items"]={"id": "x"}; add("items-not-a-list.json", c, "expected a list of annotations")
add("annotation-not-an-object.json", coll(["urn:x:1"]), "annotation 1: expected an object")
add("missing-id.json", mod(lambda a: a.pop("id")), "it has no \"id\"")
add("id-not-an-iri.json", mod(lambda a: a.__setitem__("id", "note-1")), "is not an IRI")
add("id-is-a-number.json", mod(lambda a: a.__setitem__("id", 5)), "expected text, found the number 5")
add("duplicate-ids.json", coll([ann(), ann()]), "same id")
add("missing-target.json", mod(lambda a: a.pop("target")), "has no \"target\"")
add("target-is-only-a-link.json", mod(lambda a: a.__setitem__("target", "https://example.org/story")), "with no passage to place")
add("two-targets.json", mod(lambda a: a.__setitem__("target", [a["target"], a["target"]])), "2 targets")
add("missing-selector.json", mod(lambda a: a["target"].pop("selector")), "has no \"selector\"")
add("unknown-selector.json", mod(lambda a: a["target"]["selector"][0].__setitem__("type", "MagicSelector")), "unknown selector type \"MagicSelector\"")
add("exact-is-a-number.json", mod(lambda a: a["target"]["selector"][0].__setitem__("exact", 12)), "target.selector[0].exact: expected text, found the number 12")
add("exact-is-empty.json", mod(lambda a: a["target"]["selector"][0].__setitem__("exact", "  ")), "the quoted passage is empty")
add("position-negative.json", mod(lambda a: a["target"]["selector"][1].__setitem__("start", -3)), "target.selector[1].start: expected a whole number")
add("position-fraction.json", mod(lambda a: a["target"]["selector"][1].__setitem__("end", 10.5)), "expected a whole number")
add("position-reversed.json", mod(lambda a: a["target"]["selector"][1].update({"start": 50, "end": 10})), "start 50 is after its end 10")
def embed_far(a):
    a["target"]["source"]["value"]=text
    a["target"]["selector"][1].update({"start": 10, "end": 812})
add("position-past-the-end.json", mod(embed_far), f"TextPositionSelector end 812 is past the end of the article ({len(text)} characters)")
def only_position(a):
    a["target"]["selector"]=[a["target"]["selector"][1]]
add("position-only-without-text.json", mod(only_position), "only a TextPositionSelector")
add("body-is-a-link.json", mod(lambda a: a.__setitem__("body", "https://example.org/note")), "the body is only a link")
add("body-of-unknown-type.json", mod(lambda a: a["body"][0].__setitem__("type", "Video")), "a body of type \"Video\" is not supported")
add("body-without-value.json", mod(lambda a: a["body"][0].pop("value")), "the body has no \"value\"")
add("both-verdicts.json", mod(lambda a: a["body"].append({"type": "TextualBody", "purpose": "tagging", "value": "confirmed"})), "both confirmed and disputed")
add("bad-date.json", mod(lambda a: a.__setitem__("modified", "yesterday")), "modified: \"yesterday\" is not a date-time")
add("unknown-property.json", mod(lambda a: a.__setitem__("colour", "red")), "unknown property \"colour\"")
add("misspelt-selector.json", mod(lambda a: a["target"].__setitem__("selecter", a["target"].pop("selector"))), "unknown property \"selecter\"")
add("deep-nesting.json", "[" * 5000 + "]" * 5000, "nests more than 128 levels")
def deep(a):
    v=1
    for _ in range(300): v={"x:a": v}
    a["x:deep"]=v
add("deep-nesting-in-body.json", mod(deep), "nests more than 128 levels")
def bad_text(a):
    a["target"]["source"]["value"]=text+" tampered"
add("embedded-text-mismatch.json", mod(bad_text), "does not match the hash")
c=coll([ann()]); c["total"]=5; add("total-mismatch.json", c, "says it has 5 annotations but the file holds 1")
add("creator-bad-type.json", mod(lambda a: a["creator"].__setitem__("type", "Robot")), "expected Person, Organization or Software, found \"Robot\"")
add("bad-hash.json", mod(lambda a: a["target"]["state"].__setitem__("value", "sha256:xyz")), "is not a SHA-256 hash")
add("hypothesis-tags-not-a-list.json", {"annotations": [{"id": "h1", "uri": "https://example.org", "tags": "disputed", "target": [{"source": "https://example.org"}]}]}, "expected a list of tags")
add("hypothesis-both-verdicts.json", {"annotations": [{"id": "h1", "uri": "https://example.org", "tags": ["disputed", "Confirmed"], "target": [{"source": "https://example.org", "selector": [{"type": "TextQuoteSelector", "exact": "x"}]}]}]}, "tagged both confirmed and disputed")
add("hypothesis-annotations-not-a-list.json", {"annotations": {"id": "h1"}}, "expected a list of annotations")
add("wrong-type-single-annotation.json", {"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Note", "id": "urn:x:1"}, "its type is")
with open(os.path.join(d,'expected.tsv'),'w') as f:
    f.write("# file\tthe message must contain this (each file is refused and nothing is stored)\n")
    for n,e in cases:
        f.write(f"{n}\t{e}\n")
print(len(cases))
