import Foundation

/// The Python `fhir.resources` package at its last FHIR R4 (4.0.1) release, 6.4.0 (later
/// releases model R4B and R5). `.ci/run` installs it, with the pydantic 1 it needs, into
/// `.build/fhir-python` so the machine's own pydantic 2 is left alone; a copy importable by
/// plain python3 is used too.
enum FHIRValidator {
    static let pinned = "fhir.resources==6.4.0"

    static var installedFolder: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".build/fhir-python").path
    }

    /// The PYTHONPATH under which `fhir.resources` imports with R4 models, or why there is none.
    static func environment() -> Result<[String: String], SkipReason> {
        let probe = "import fhir.resources as f; assert f.__fhir_version__ == '4.0.1', f.__fhir_version__"
        var tried: [String] = []
        for path in [installedFolder, nil] as [String?] {
            if let path, !FileManager.default.fileExists(atPath: path) { continue }
            let environment = path.map { ["PYTHONPATH": $0] } ?? [:]
            let result = Subprocess.run(["python3", "-c", probe], environment: environment)
            if result.status == 0 { return .success(environment) }
            tried.append((path ?? "python3's own packages") + ": " + (result.stderr.split(separator: "\n").last.map(String.init) ?? "status \(result.status)"))
        }
        return .failure(SkipReason(text: "skipped: python3 cannot import \(pinned) (FHIR R4 models); .ci/run installs it. Tried "
                                   + (tried.isEmpty ? "nothing (no python3 packages found)" : tried.joined(separator: "; "))))
    }

    struct SkipReason: Error { let text: String }

    /// Parses the Bundle with the R4 models, then checks what the models do not: counts, codes,
    /// units, statuses and that every reference points at the bundle's Patient. Prints
    /// "OK" and the counts; a failed check exits 1 with what failed.
    static let script = #"""
        import json, sys, re
        from collections import Counter
        from fhir.resources.bundle import Bundle

        path, expected = sys.argv[1], json.loads(sys.argv[2])
        raw = json.load(open(path))
        bundle = Bundle.parse_obj(raw)
        assert bundle.type == expected["type"], bundle.type
        resources = [e.resource for e in bundle.entry]
        counts = Counter(r.resource_type for r in resources)
        assert dict(counts) == expected["counts"], dict(counts)

        patients = [r for r in resources if r.resource_type == "Patient"]
        patient_ref = "Patient/" + patients[0].id
        for r in resources:
            assert re.fullmatch(r"[A-Za-z0-9\-\.]{1,64}", r.id), r.id
            if r.resource_type != "Patient":
                assert r.subject.reference == patient_ref, (r.id, r.subject.reference)
        for e in bundle.entry:
            if bundle.type == "transaction":
                assert e.request.method == "PUT" and e.request.url == e.resource.resource_type + "/" + e.resource.id, e.request
            else:
                assert e.request is None

        observations = {r.id: r for r in resources if r.resource_type == "Observation"}
        statements = {r.id: r for r in resources if r.resource_type == "MedicationStatement"}
        assert all(o.status == "final" for o in observations.values())
        r4_statuses = {"active", "completed", "entered-in-error", "intended", "stopped", "on-hold", "unknown", "not-taken"}
        assert all(s.status in r4_statuses for s in statements.values())
        assert all(s.informationSource.reference == patient_ref for s in statements.values())

        def codes(concept):
            return sorted((c.system, c.code) for c in (concept.coding or []))
        LOINC, UCUM = "http://loinc.org", "http://unitsofmeasure.org"
        for rid, want in expected["labs"].items():
            o = observations[rid]
            assert codes(o.code) == ([(LOINC, want["loinc"])] if want["loinc"] else []), (rid, codes(o.code))
            if "value" in want:
                q = o.valueQuantity
                assert (float(q.value), q.unit, q.code, q.system) == (want["value"], want["unit"], want["unit"], UCUM), (rid, q)
            if "outcome" in want:
                assert o.valueCodeableConcept.text == want["outcome"], o.valueCodeableConcept
            if "interpretation" in want:
                assert [c.code for c in o.interpretation[0].coding] == [want["interpretation"]], (rid, o.interpretation)
            if "uln" in want:
                high = o.referenceRange[0].high
                assert (float(high.value), high.code, high.system) == (want["uln"], "U/L", UCUM), high
        for rid, want in expected["coded"].items():
            assert codes(observations[rid].code) == [tuple(want)], (rid, codes(observations[rid].code))
        weight = observations[expected["weight"]["id"]]
        assert weight.valueQuantity.code == "kg" and abs(float(weight.valueQuantity.value) - expected["weight"]["kg"]) < 1e-6, weight.valueQuantity
        flag = observations[expected["redFlag"]]
        assert flag.valueBoolean is True and "T" in str(flag.effectiveDateTime.isoformat() if hasattr(flag.effectiveDateTime, "isoformat") else flag.effectiveDateTime)
        for rid, want in expected["doses"].items():
            s = statements[rid]
            assert s.status == want["status"], (rid, s.status)
            assert codes(s.medicationCodeableConcept) == [("http://www.nlm.nih.gov/research/umls/rxnorm", "6064")]
            if "mg" in want:
                q = s.dosage[0].doseAndRate[0].doseQuantity
                assert (float(q.value), q.code, q.system) == (want["mg"], "mg", UCUM), q
            else:
                assert s.statusReason[0].text, s.statusReason
        print("OK", json.dumps(dict(sorted(counts.items()))))
        """#
}
