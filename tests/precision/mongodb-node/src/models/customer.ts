// Mongoose 8 models: customers, addresses and support tickets.
import mongoose, { Schema, Types, model, HydratedDocument, Model } from "mongoose";

export interface IAddress {
  label: string;
  line1: string;
  city: string;
  country: string;
  isDefault: boolean;
}

export interface ICustomer {
  email: string;
  name: string;
  plan: "free" | "pro" | "enterprise";
  addresses: Types.DocumentArray<IAddress>;
  tags: string[];
  referredBy?: Types.ObjectId;
  lastLoginAt?: Date;
  deletedAt?: Date | null;
}

interface ICustomerMethods {
  defaultAddress(): IAddress | undefined;
  touchLogin(): Promise<HydratedDocument<ICustomer, ICustomerMethods>>;
}

interface CustomerModel extends Model<ICustomer, {}, ICustomerMethods> {
  findByEmail(email: string): Promise<HydratedDocument<ICustomer, ICustomerMethods> | null>;
  countActive(plan?: ICustomer["plan"]): Promise<number>;
}

const addressSchema = new Schema<IAddress>(
  {
    label: { type: String, required: true, trim: true },
    line1: { type: String, required: true },
    city: { type: String, required: true },
    country: { type: String, required: true, minlength: 2, maxlength: 2, uppercase: true },
    isDefault: { type: Boolean, default: false },
  },
  { _id: true },
);

const customerSchema = new Schema<ICustomer, CustomerModel, ICustomerMethods>(
  {
    email: { type: String, required: true, unique: true, lowercase: true, trim: true },
    name: { type: String, required: true, trim: true },
    plan: { type: String, enum: ["free", "pro", "enterprise"], default: "free", index: true },
    addresses: { type: [addressSchema], default: [] },
    tags: { type: [String], default: [] },
    referredBy: { type: Schema.Types.ObjectId, ref: "Customer" },
    lastLoginAt: Date,
    deletedAt: { type: Date, default: null },
  },
  { timestamps: true, toJSON: { virtuals: true } },
);

customerSchema.virtual("displayName").get(function () {
  return `${this.name} <${this.email}>`;
});

customerSchema.method("defaultAddress", function defaultAddress() {
  return this.addresses.find((address) => address.isDefault) ?? this.addresses[0];
});

customerSchema.method("touchLogin", async function touchLogin() {
  this.lastLoginAt = new Date();
  return this.save();
});

customerSchema.static("findByEmail", function findByEmail(email: string) {
  return this.findOne({ email: email.toLowerCase(), deletedAt: null });
});

customerSchema.static("countActive", function countActive(plan?: ICustomer["plan"]) {
  const filter: Record<string, unknown> = { deletedAt: null };
  if (plan) filter.plan = plan;
  return this.countDocuments(filter);
});

// Deleting a customer document also deletes their tickets.
customerSchema.pre("deleteOne", { document: true, query: false }, async function () {
  await Ticket.deleteMany({ customer: this._id });
});

customerSchema.pre("save", function () {
  if (this.isModified("addresses") && !this.addresses.some((address) => address.isDefault)) {
    const first = this.addresses[0];
    if (first) first.isDefault = true;
  }
});

export const Customer = model<ICustomer, CustomerModel>("Customer", customerSchema);

export interface ITicket {
  customer: Types.ObjectId;
  subject: string;
  status: "open" | "pending" | "closed";
  messages: { author: string; body: string; at: Date }[];
}

const ticketSchema = new Schema<ITicket>(
  {
    customer: { type: Schema.Types.ObjectId, ref: "Customer", required: true, index: true },
    subject: { type: String, required: true },
    status: { type: String, enum: ["open", "pending", "closed"], default: "open" },
    messages: [{ author: String, body: String, at: { type: Date, default: Date.now } }],
  },
  { timestamps: true },
);

export const Ticket = model<ITicket>("Ticket", ticketSchema);

export async function connectModels(uri: string): Promise<typeof mongoose> {
  mongoose.set("strictQuery", true);
  return mongoose.connect(uri, { serverSelectionTimeoutMS: 5000, autoIndex: false });
}
