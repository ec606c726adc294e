export { Button } from "./button";
export { Card, PageHeader, EmptyState, ErrorMessage } from "./card";
export { Badge, StatusBadge, toneFor } from "./badge";
export { TextField, TextArea, SelectField } from "./field";
export { Progress } from "./progress";
export { ConfirmButton } from "./confirm-button";
export { Pagination } from "./pagination";
export { cn } from "./cn";
export { CursorPager } from "./cursor-pager";
