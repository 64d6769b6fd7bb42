//! Reading comments: newest or most voted first, loaded a page at a time; replies threaded
//! under their comment; vote, "show on map", and the reply and report forms from
//! [`crate::pages::plans::writing`]. Comment text is always text.

mod comment_card;
mod comment_list;
mod comment_places;
mod reply_thread;
mod vote_button;

pub(super) use comment_list::CommentList;
