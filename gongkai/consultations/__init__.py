"""征求意见: public consultations on drafts, the public's moderated comments
and other participation, and the adoption report (采纳情况反馈) due 10
working days after the decision document."""
