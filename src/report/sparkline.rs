//! `sparkline(points)` for templates: a commission's score over the audits as a small inline SVG
//! line (no script, so the report stays one file that opens anywhere), with its overdue
//! decisions as red bars under it. A day it was not audited breaks the line.

use minijinja::value::Value;
use std::fmt::Write;

const STEP: f64 = 28.0;
const HEIGHT: f64 = 34.0;
/// The score line's band; the bars of overdue decisions stand below it.
const LINE_TOP: f64 = 3.0;
const LINE_BOTTOM: f64 = 23.0;
const BARS: f64 = 9.0;

/// `points`: for each audit, `{score, overdue}` or none.
pub fn sparkline(points: Vec<Value>) -> Value {
    let read = |point: &Value| -> Option<(f64, f64)> {
        let score = f64::try_from(point.get_attr("score").ok()?).ok()?;
        let overdue = f64::try_from(point.get_attr("overdue").ok()?).ok()?;
        Some((score.clamp(0.0, 100.0), overdue.max(0.0)))
    };
    let values: Vec<Option<(f64, f64)>> = points.iter().map(read).collect();
    let width = STEP * values.len().max(2) as f64;
    let x = |i: usize| STEP / 2.0 + STEP * i as f64;
    // The band runs from a little under the lowest score to 100, so that a fall of a few
    // points shows; scores differ by a few points from month to month, not by fifty.
    let lowest = values
        .iter()
        .flatten()
        .map(|(score, _)| *score)
        .fold(100.0, f64::min);
    let floor = (lowest - 10.0).clamp(0.0, 90.0);
    let y = |score: f64| LINE_BOTTOM - (LINE_BOTTOM - LINE_TOP) * (score - floor) / (100.0 - floor);
    let most_overdue = values
        .iter()
        .flatten()
        .map(|(_, overdue)| *overdue)
        .fold(0.0, f64::max);
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg class="spark" width="{width:.0}" height="{HEIGHT:.0}" viewBox="0 0 {width:.0} {HEIGHT:.0}" role="img">"#
    );
    // The title says the numbers the picture draws, for a reader who cannot see it.
    let said: Vec<String> = values
        .iter()
        .map(|v| {
            v.map_or("—".to_string(), |(score, overdue)| {
                format!("{score:.0} ({overdue:.0})")
            })
        })
        .collect();
    let _ = write!(svg, "<title>{}</title>", said.join(" → "));
    for (i, (_, overdue)) in values
        .iter()
        .enumerate()
        .filter_map(|(i, v)| v.map(|v| (i, v)))
    {
        if overdue > 0.0 {
            let height = (BARS * overdue / most_overdue).max(1.5);
            let _ = write!(
                svg,
                r#"<rect x="{:.1}" y="{:.1}" width="8" height="{height:.1}" fill="var(--bad)" opacity="0.55"/>"#,
                x(i) - 4.0,
                HEIGHT - height
            );
        }
    }
    let mut run: Vec<String> = Vec::new();
    let flush = |run: &mut Vec<String>, svg: &mut String| {
        if run.len() > 1 {
            let _ = write!(
                svg,
                r#"<polyline points="{}" fill="none" stroke="var(--accent)" stroke-width="2"/>"#,
                run.join(" ")
            );
        }
        run.clear();
    };
    for (i, value) in values.iter().enumerate() {
        match value {
            Some((score, _)) => {
                run.push(format!("{:.1},{:.1}", x(i), y(*score)));
                let _ = write!(
                    svg,
                    r#"<circle cx="{:.1}" cy="{:.1}" r="2.5" fill="var(--accent)"/>"#,
                    x(i),
                    y(*score)
                );
            }
            None => flush(&mut run, &mut svg),
        }
    }
    flush(&mut run, &mut svg);
    svg.push_str("</svg>");
    Value::from_safe_string(svg)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(score: f64, overdue: u32) -> Value {
        Value::from(minijinja::value::Serde(
            serde_json::json!({ "score": score, "overdue": overdue }),
        ))
    }

    #[test]
    fn a_line_through_the_scores_bars_for_overdue_and_a_gap_where_none_was_audited() {
        let svg = sparkline(vec![
            point(100.0, 0),
            point(50.0, 2),
            Value::from(()),
            point(80.0, 1),
        ])
        .to_string();
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert_eq!(svg.matches("<circle").count(), 3);
        // The gap breaks the line: one polyline over the first two, none for the lone last.
        assert_eq!(svg.matches("<polyline").count(), 1);
        assert_eq!(svg.matches("<rect").count(), 2);
        assert!(svg.contains("<title>100 (0) → 50 (2) → — → 80 (1)</title>"));
        // A score of 100 stands at the top of the band, the lowest near its foot.
        assert!(svg.contains(r#"cx="14.0" cy="3.0""#), "{svg}");
        assert!(svg.contains(r#"cx="42.0" cy="19.7""#), "{svg}");
    }
}
