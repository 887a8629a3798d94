//! The analysis as a job for a Web Worker, so that long articles are analysed off the
//! page's thread: a request carries the texts of the whole set, and the replies report
//! each stage as it starts and then the result. Messages travel as JSON strings, which
//! `postMessage` copies cheaply and which need no JavaScript-side glue.

use super::{analyze_set_with_progress, Analysis};
use serde::{Deserialize, Serialize};

/// Analyse these texts together as one set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Request {
    /// Chosen by the page; replies carry it back so that a stale job's replies can be told
    /// from the current one's.
    pub job: u32,
    pub texts: Vec<String>,
}

/// What the worker says back.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Reply {
    /// The worker has started and listens: requests sent before this are not heard.
    Ready,
    /// A stage has started: `done` of `total` are finished.
    Progress {
        job: u32,
        done: u32,
        total: u32,
        stage: String,
    },
    /// The analyses, one per text, in the request's order.
    Done { job: u32, analyses: Vec<Analysis> },
    /// The request could not be read (the page and the worker disagree about the format).
    Failed { job: Option<u32>, message: String },
}

impl Reply {
    pub fn encode(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|e| {
            format!(r#"{{"type":"failed","job":null,"message":"cannot encode the reply: {e}"}}"#)
        })
    }

    /// Read a reply as the page receives it.
    pub fn decode(raw: &str) -> Result<Reply, String> {
        serde_json::from_str(raw)
            .map_err(|e| format!("the analysis worker sent an unreadable reply: {e}"))
    }
}

/// Run one request, posting each reply (encoded) as it is ready.
pub fn run(request: &str, post: &mut dyn FnMut(String)) {
    let request: Request = match serde_json::from_str(request) {
        Ok(r) => r,
        Err(e) => {
            post(
                Reply::Failed {
                    job: None,
                    message: format!("the analysis worker got an unreadable request: {e}"),
                }
                .encode(),
            );
            return;
        }
    };
    let job = request.job;
    let texts: Vec<&str> = request.texts.iter().map(String::as_str).collect();
    let analyses = analyze_set_with_progress(&texts, &mut |p| {
        if p.done < p.total {
            post(
                Reply::Progress {
                    job,
                    done: p.done,
                    total: p.total,
                    stage: p.stage.to_string(),
                }
                .encode(),
            );
        }
    });
    post(Reply::Done { job, analyses }.encode());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze_set;

    #[test]
    fn replies_report_each_stage_then_the_same_analysis_as_in_process() {
        let texts = vec![
            "Storm hits coast\n\nMayor Jo Park said: “We are ready.” About 120 people left."
                .to_string(),
            "Second report\n\nJo Park spoke on Monday.".to_string(),
        ];
        let request = serde_json::to_string(&Request {
            job: 7,
            texts: texts.clone(),
        })
        .unwrap();
        let mut replies = Vec::new();
        run(&request, &mut |r| replies.push(Reply::decode(&r).unwrap()));
        let stages: Vec<u32> = replies
            .iter()
            .filter_map(|r| {
                if let Reply::Progress { done, .. } = r {
                    Some(*done)
                } else {
                    None
                }
            })
            .collect();
        assert_eq!(stages, vec![0, 1, 2, 3]);
        let borrowed: Vec<&str> = texts.iter().map(String::as_str).collect();
        assert_eq!(
            replies.last(),
            Some(&Reply::Done {
                job: 7,
                analyses: analyze_set(&borrowed)
            })
        );
    }

    #[test]
    fn unreadable_requests_get_a_failure_reply() {
        let mut replies = Vec::new();
        run(r#"{"job": "x"}"#, &mut |r| {
            replies.push(Reply::decode(&r).unwrap())
        });
        assert!(
            matches!(replies.as_slice(), [Reply::Failed { job: None, .. }]),
            "{replies:?}"
        );
    }
}
